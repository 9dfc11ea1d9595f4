package org.hotline.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link Simulation} does. Start from {@link #defaults()} and change what matters:
 * {@code SimulationOptions.defaults().withPort(port).withCalls(50).withProfile(Profile.COMPLETE)}.
 *
 * @param host        the FastAGI server's host
 * @param port        the FastAGI server's port
 * @param calls       how many calls to place
 * @param rate        calls started per second; starts follow the clock, not the end of earlier calls
 * @param profile     how callers behave
 * @param seed        seeds every random choice, so a run can be repeated
 * @param callTimeout how long one call may take before it counts as timed out
 * @param promptTime  how long every prompt lasts, or null (the default) for as long as its sound file plays
 * @param soundsDir   where the prompt sounds are, or null (the default) for the nearest
 *                    {@code asterisk-conf/sounds} at or above the working directory
 */
public record SimulationOptions(String host, int port, int calls, double rate, Profile profile, long seed,
        Duration callTimeout, Duration promptTime, Path soundsDir) {

    public SimulationOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative: " + calls);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a positive number of calls per second: " + rate);
        }
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive: " + callTimeout);
        }
        if (promptTime != null && (promptTime.isNegative() || promptTime.isZero())) {
            throw new IllegalArgumentException("promptTime must be positive: " + promptTime);
        }
    }

    /** 200 mixed calls at 20 per second to 127.0.0.1:4573, a random seed, 120 s per call, real prompt lengths. */
    public static SimulationOptions defaults() {
        return new SimulationOptions("127.0.0.1", 4573, 200, 20, Profile.MIXED, System.nanoTime(),
                Duration.ofSeconds(120), null, null);
    }

    public SimulationOptions withHost(String host) {
        return new SimulationOptions(host, port, calls, rate, profile, seed, callTimeout, promptTime, soundsDir);
    }

    public SimulationOptions withPort(int port) {
        return new SimulationOptions(host, port, calls, rate, profile, seed, callTimeout, promptTime, soundsDir);
    }

    public SimulationOptions withCalls(int calls) {
        return new SimulationOptions(host, port, calls, rate, profile, seed, callTimeout, promptTime, soundsDir);
    }

    public SimulationOptions withRate(double rate) {
        return new SimulationOptions(host, port, calls, rate, profile, seed, callTimeout, promptTime, soundsDir);
    }

    public SimulationOptions withProfile(Profile profile) {
        return new SimulationOptions(host, port, calls, rate, profile, seed, callTimeout, promptTime, soundsDir);
    }

    public SimulationOptions withSeed(long seed) {
        return new SimulationOptions(host, port, calls, rate, profile, seed, callTimeout, promptTime, soundsDir);
    }

    public SimulationOptions withCallTimeout(Duration callTimeout) {
        return new SimulationOptions(host, port, calls, rate, profile, seed, callTimeout, promptTime, soundsDir);
    }

    /** Every prompt lasts {@code promptTime} instead of its sound file's length. */
    public SimulationOptions withPromptTime(Duration promptTime) {
        return new SimulationOptions(host, port, calls, rate, profile, seed, callTimeout, promptTime, soundsDir);
    }

    public SimulationOptions withSoundsDir(Path soundsDir) {
        return new SimulationOptions(host, port, calls, rate, profile, seed, callTimeout, promptTime, soundsDir);
    }
}
