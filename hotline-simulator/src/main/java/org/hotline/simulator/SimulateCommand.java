package org.hotline.simulator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: places synthetic calls against a running FastAGI server and prints what happened.
 * Exits 0 when no call failed or timed out, 1 otherwise. The application's CLI adds it as a subcommand.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Places synthetic calls against a FastAGI server, like Asterisk with scripted callers, "
                + "and prints a summary.", "Caller numbers are random and synthetic; no real numbers are used."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "FastAGI server host (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "4573", description = "FastAGI server port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--calls", defaultValue = "200", description = "Number of calls to place (default: ${DEFAULT-VALUE}).")
    private int calls;

    @Option(names = "--rate", defaultValue = "20",
            description = "Calls started per second, on a clock, whether or not earlier calls ended (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--profile", defaultValue = "mixed", converter = ProfileConverter.class,
            description = "Caller behaviour: mixed, complete, emergency, hangup-in-menu, silent or invalid-keys "
                    + "(default: ${DEFAULT-VALUE}).")
    private Profile profile;

    @Option(names = "--seed", description = "Seed for every random choice, to repeat a run (default: random, printed).")
    private Long seed;

    @Option(names = "--timeout", defaultValue = "120s", converter = DurationConverter.class,
            description = "How long one call may take before it counts as timed out, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--prompt-time", converter = DurationConverter.class,
            description = "Every prompt lasts this long, e.g. 500ms (default: as long as its sound file plays).")
    private Duration promptTime;

    @Option(names = "--sounds",
            description = "Directory of the prompt sounds, <dir>/<language>/hotline/<key>.wav (default: the nearest "
                    + "asterisk-conf/sounds at or above the working directory; a missing file lasts 2 s).")
    private Path soundsDir;

    @Override
    public Integer call() {
        SimulationOptions options;
        try {
            options = new SimulationOptions(host, port, calls, rate, profile,
                    seed != null ? seed : System.nanoTime(), timeout, promptTime, soundsDir);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SimulationResult result = Simulation.run(options);
        PrintWriter out = spec.commandLine().getOut();
        out.print(result.summary());
        out.flush();
        return result.exitCode();
    }

    /** Accepts the profile names as written on the command line, such as {@code hangup-in-menu}. */
    static final class ProfileConverter implements ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            return Profile.fromName(value);
        }
    }
}
