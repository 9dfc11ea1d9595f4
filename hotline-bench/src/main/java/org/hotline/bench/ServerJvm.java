package org.hotline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A server under test in a child JVM ({@link AgiBenchServer}): same JDK and class path as this one, a stated
 * heap, stderr to a log file, and a line-per-request control channel on stdin/stdout.
 */
final class ServerJvm implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Duration QUIT_LIMIT = Duration.ofSeconds(15);
    private static final String END_OF_OUTPUT = "@eof";

    private final Process process;
    private final PrintStream requests;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path log;
    private final int port;

    private ServerJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.requests = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofVirtual().name("server-jvm-replies").start(this::readReplies);
        this.port = Integer.parseInt(await("start-up", START_LIMIT).get("port"));
    }

    /** The java command line for a server JVM, given its flags and {@link AgiBenchServer}'s arguments. */
    static List<String> command(List<String> jvmFlags, List<String> serverArgs) {
        return command(AgiBenchServer.class, jvmFlags, serverArgs);
    }

    /** The same for another main class that speaks the same control channel ({@link AppBenchServer}). */
    static List<String> command(Class<?> main, List<String> jvmFlags, List<String> serverArgs) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
                .toAbsolutePath().toString());
        command.add(main.getName());
        command.addAll(serverArgs);
        return command;
    }

    /** Starts the JVM and waits until its server listens. */
    static ServerJvm start(List<String> jvmFlags, List<String> serverArgs, Path log) {
        return start(AgiBenchServer.class, jvmFlags, serverArgs, log);
    }

    static ServerJvm start(Class<?> main, List<String> jvmFlags, List<String> serverArgs, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command(main, jvmFlags, serverArgs))
                    .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            return new ServerJvm(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a server JVM", e);
        }
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** Sends one request and returns the reply's key=value pairs. */
    Map<String, String> ask(String request, Duration limit) {
        requests.println(request);
        return await(request, limit);
    }

    /** Asks the server JVM to exit, which closes every connection it holds, and waits for it. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                requests.println("quit");
                if (!process.waitFor(QUIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The server's warnings, counted by message (the text after the logger name; the server logs no caller data),
     * most frequent first.
     */
    Map<String, Long> warnings() {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            Map<String, Long> counts = lines.filter(line -> line.contains(" WARN "))
                    .map(line -> line.substring(line.indexOf(" - ") + 3))
                    .collect(Collectors.groupingBy(message -> message, Collectors.counting()));
            Map<String, Long> sorted = new LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        } catch (IOException | UncheckedIOException e) {
            return Map.of();
        }
    }

    private Map<String, String> await(String request, Duration limit) {
        String line;
        try {
            line = replies.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the server JVM", e);
        }
        if (line == null || line.equals(END_OF_OUTPUT)) {
            String state = process.isAlive() ? "did not answer within " + limit.toSeconds() + " s"
                    : "exited with code " + process.exitValue();
            throw new IllegalStateException("the server JVM " + state + " (request: " + request + "); see " + log);
        }
        Map<String, String> figures = new HashMap<>();
        for (String pair : line.substring(AgiBenchServer.REPLY.length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            figures.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return figures;
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(AgiBenchServer.REPLY)) {
                    replies.add(line);
                }
            }
        } catch (IOException e) {
            // The process is gone; await() reports it.
        } finally {
            replies.add(END_OF_OUTPUT);
        }
    }
}
