package org.hotline.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link Simulation} saw. Every placed call is exactly one of completed, caller hung up, error or
 * timeout. The outcome counts look only at completed calls, through the channel variables the IVR left.
 *
 * @param options      what was run, including the seed that repeats it
 * @param placed       calls started
 * @param completed    calls the server ended by closing the socket, the caller still on the line
 * @param callerHungUp calls the simulated caller hung up
 * @param errors       calls that failed (connection refused or broken)
 * @param timeouts     calls still going when their timeout passed
 * @param handedOff    completed calls with {@code HOTLINE_IVR_DONE}, {@code HOTLINE_NEXT=dial} and a {@code HOTLINE_TARGET}
 * @param endedInIvr   completed calls with {@code HOTLINE_IVR_DONE} and {@code HOTLINE_NEXT=hangup} (voice message, call again)
 * @param fallback     completed calls without {@code HOTLINE_IVR_DONE}: the dialplan sends these to a human
 * @param otherOutcome completed calls with {@code HOTLINE_IVR_DONE} but no recognisable next step
 * @param behaviours   how many callers of each scripted behaviour were placed
 * @param p50          median duration of the calls that ended (completed or hung up)
 * @param p95          95th percentile of those durations
 * @param p99          99th percentile of those durations
 * @param max          the longest of those durations
 * @param elapsed      wall time of the whole run
 * @param failures     the first few failure messages, for diagnosis (no caller data)
 */
public record SimulationResult(SimulationOptions options, int placed, int completed, int callerHungUp, int errors,
        int timeouts, int handedOff, int endedInIvr, int fallback, int otherOutcome, Map<String, Integer> behaviours,
        Duration p50, Duration p95, Duration p99, Duration max, Duration elapsed, List<String> failures) {

    public SimulationResult {
        behaviours = Map.copyOf(behaviours);
        failures = List.copyOf(failures);
    }

    /** True when no call failed or timed out. */
    public boolean ok() {
        return errors == 0 && timeouts == 0;
    }

    /** The process exit code for this result: 0 when {@link #ok()}, else 1. */
    public int exitCode() {
        return ok() ? 0 : 1;
    }

    /** A human-readable report, as the {@code simulate} command prints it. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Simulated %d calls (profile %s, seed %d) against %s:%d in %s%n",
                placed, options.profile(), options.seed(), options.host(), options.port(), seconds(elapsed)));
        line(text, "placed", placed, "");
        line(text, "completed", completed, "server closed the connection");
        line(text, "caller hung up", callerHungUp, "");
        line(text, "errors", errors, "");
        line(text, "timeouts", timeouts, "no end within " + seconds(options.callTimeout()));
        text.append(String.format(Locale.ROOT, "Outcomes of completed calls (channel variables)%n"));
        line(text, "handed off", handedOff, "HOTLINE_NEXT=dial with HOTLINE_TARGET");
        line(text, "ended in IVR", endedInIvr, "HOTLINE_NEXT=hangup: voice message or call again");
        line(text, "fallback", fallback, "no HOTLINE_IVR_DONE");
        if (otherOutcome > 0) {
            line(text, "other", otherOutcome, "HOTLINE_IVR_DONE without a known HOTLINE_NEXT");
        }
        text.append(String.format(Locale.ROOT, "Call duration  p50 %s  p95 %s  p99 %s  max %s%n",
                seconds(p50), seconds(p95), seconds(p99), seconds(max)));
        text.append("Callers ");
        behaviours.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> text.append(' ').append(entry.getKey()).append('=').append(entry.getValue()));
        text.append(System.lineSeparator());
        failures.forEach(failure -> text.append("  failure: ").append(failure).append(System.lineSeparator()));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, int count, String note) {
        text.append(String.format(Locale.ROOT, "  %-15s %6d%s%n", label, count, note.isEmpty() ? "" : "   (" + note + ")"));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }
}
