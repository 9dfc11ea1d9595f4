package org.hotline.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged hotline ({@code hotline-app/target/hotline.jar}) in a process of its own, on free ports, with a data
 * directory of the test's choosing. Everything the process prints (stdout and stderr) goes to
 * {@code <dataDir>/../<name>.log}, so a privacy sweep can search it and a failing test can show it.
 *
 * <p>Settings are passed as {@code HOTLINE_*} environment variables, exactly as an operator would.
 */
public final class HotlineProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile(
            "Hotline ready: FastAGI on [^:]+:(\\d+), HTTP on (https?)://[^:]+:(\\d+)/health, management on "
                    + "http://[^:]+:(\\d+)/metrics");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int agiPort;
    private final int httpPort;
    private final int managementPort;
    private final String scheme;

    private HotlineProcess(Process process, Path log, int agiPort, String scheme, int httpPort, int managementPort) {
        this.process = process;
        this.log = log;
        this.agiPort = agiPort;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.scheme = scheme;
    }

    /**
     * Starts {@code hotline.jar run} and waits until it logs that it is ready. {@code settings} are keys of
     * {@code hotline.properties} ({@code "ivr.menu.timeout" -> "300ms"}); ports default to free ones.
     */
    public static HotlineProcess start(Path dataDir, String name, Map<String, String> settings) {
        return start(dataDir, name, settings, null);
    }

    /**
     * {@link #start(Path, String, Map)} under the file-creation mask {@code umask} (for example {@code "000"}),
     * set by {@code sh -c} before the JVM starts, as an operator's shell would; null leaves it as it is.
     */
    public static HotlineProcess start(Path dataDir, String name, Map<String, String> settings, String umask) {
        return start(dataDir, name, settings, umask, List.of());
    }

    /**
     * {@link #start(Path, String, Map)} with the JVM started by {@code prefix} (for example {@code ip netns exec
     * <name>}, which puts it in a network namespace of its own and then execs it, so the process is the JVM).
     */
    public static HotlineProcess startUnder(List<String> prefix, Path dataDir, String name,
                                            Map<String, String> settings) {
        return start(dataDir, name, settings, null, prefix);
    }

    private static HotlineProcess start(Path dataDir, String name, Map<String, String> settings, String umask,
                                        List<String> prefix) {
        Map<String, String> env = new HashMap<>(Map.of("data.dir", dataDir.toString(), "agi.port", "0",
                "http.port", "0", "management.port", "0"));
        env.putAll(settings);
        Path log = dataDir.resolveSibling(name + ".log");
        Process process = launch(env, log, List.of("run"), null, umask, prefix);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Matcher ready = READY.matcher(read(log));
            if (ready.find()) {
                return new HotlineProcess(process, log, Integer.parseInt(ready.group(1)), ready.group(2),
                        Integer.parseInt(ready.group(3)), Integer.parseInt(ready.group(4)));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("hotline exited with " + process.exitValue() + ":\n" + read(log));
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("hotline did not get ready in " + START_TIMEOUT + ":\n" + read(log));
    }

    /**
     * Runs a one-shot command of the same jar against the same data directory (for example
     * {@code user add --username ana --role operator --languages prs --endpoint PJSIP/1001}) with {@code stdin}
     * as its standard input, and returns what it printed. Fails when it exits non-zero.
     */
    public static String command(Path dataDir, String stdin, String... args) {
        return command(dataDir, Map.of(), stdin, args);
    }

    /** {@link #command(Path, String, String...)} with more settings, for example an external database's URL. */
    public static String command(Path dataDir, Map<String, String> settings, String stdin, String... args) {
        return commandUnderUmask(dataDir, settings, null, stdin, args);
    }

    /** {@link #command(Path, Map, String, String...)} under the file-creation mask {@code umask} (null: as is). */
    public static String commandUnderUmask(Path dataDir, Map<String, String> settings, String umask, String stdin,
                                           String... args) {
        Path log = dataDir.resolveSibling("command-" + System.nanoTime() + ".log");
        Map<String, String> env = new HashMap<>(settings);
        env.put("data.dir", dataDir.toString());
        Process process = launch(env, log, List.of(args), stdin, umask, List.of());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("hotline " + String.join(" ", args) + " hung:\n" + read(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("hotline " + String.join(" ", args) + " exited with "
                    + process.exitValue() + ":\n" + read(log));
        }
        return read(log);
    }

    private static Process launch(Map<String, String> settings, Path log, List<String> args, String stdin,
                                  String umask, List<String> prefix) {
        List<String> command = new ArrayList<>(prefix);
        if (umask != null) {
            if (!umask.matches("[0-7]{3,4}")) {
                throw new IllegalArgumentException("not a umask: " + umask);
            }
            command.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        }
        command.addAll(List.of(java(), "-XX:+UseSerialGC", "-Xmx512m", "-jar", jar().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("HOTLINE_"));
        settings.forEach((key, value) -> env.put(variable(key), value));
        try {
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code agi.port} becomes {@code HOTLINE_AGI_PORT}, the same rule as the hotline's own settings. */
    static String variable(String key) {
        return "HOTLINE_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("hotline.jar", "../hotline-app/target/hotline.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn package (./scripts/test does)");
        }
        return jar;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public int agiPort() {
        return agiPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public String baseUrl() {
        return scheme + "://127.0.0.1:" + httpPort;
    }

    /** The management server's port (loopback): {@code /metrics} and the detailed {@code /health}. */
    public int managementPort() {
        return managementPort;
    }

    /** The management server (loopback): {@code /metrics} and the detailed {@code /health}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process printed so far. */
    public String output() {
        return read(log);
    }

    public Path logFile() {
        return log;
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed that was not already durable. */
    public void kill9() {
        process.destroyForcibly();
        waitForExit();
    }

    /** A polite stop (SIGTERM): the shutdown hook drains calls and closes the database. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code ./scripts/test --soak} asked for the long variants. */
    public static boolean soak() {
        return Boolean.getBoolean("hotline.soak");
    }
}
