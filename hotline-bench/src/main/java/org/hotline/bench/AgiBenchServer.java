package org.hotline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A FastAGI server under test, alone in its own JVM so that its heap figures are its own. {@code ./scripts/bench}
 * starts it; it is not meant to be run by hand.
 *
 * <pre>{@code
 * java -cp hotline-bench.jar org.hotline.bench.AgiBenchServer <ours|stock|stock-virtual> <hold|commands> [key=value...]
 * }</pre>
 *
 * <p>Options: {@code poll=<ms>} (hold), {@code data=<dir>} (ours, hold), {@code pairs=<n>} (commands). It prints
 * {@code @bench ready port=<port>} and then answers one line per request on stdin: {@code held}, {@code heap}
 * (after full collections), {@code timings} (drains the command samples) and {@code quit}. Replies start with
 * {@code @bench }; logging goes to stderr. End of stdin (the bench died) also ends it.
 */
public final class AgiBenchServer {
    private static final Logger LOG = LoggerFactory.getLogger(AgiBenchServer.class);
    static final String REPLY = "@bench ";

    private AgiBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            LOG.error("usage: AgiBenchServer <ours|stock|stock-virtual> <hold|commands> [key=value...]");
            System.exit(2);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        // Stdout is the control channel to the bench (a line protocol, not logging); nothing else may write there.
        PrintStream replies = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BenchServer server = start(args[0], args[1], options);
        LOG.info("{} {} server ready on port {}", args[0], args[1], server.port());
        reply(replies, Map.of("ready", "yes", "port", String.valueOf(server.port())));
        serve(server, replies);
        // Exit without draining: the held calls end when the sockets close with the JVM. (exit, not halt, so a
        // flight recording asked for through HOTLINE_BENCH_SERVER_FLAGS is written.)
        System.exit(0);
    }

    private static BenchServer start(String kind, String workload, Map<String, String> options) {
        Duration poll = Duration.ofMillis(Long.parseLong(options.getOrDefault("poll", "1000")));
        int pairs = Integer.parseInt(options.getOrDefault("pairs", "250"));
        return switch (kind + " " + workload) {
            case "ours hold" -> new OursHoldServer(Path.of(options.get("data")), poll);
            case "stock hold" -> new StockHoldServer(poll);
            case "ours commands" -> new OursCommandServer(pairs);
            case "stock commands" -> new StockCommandServer(pairs, false);
            case "stock-virtual commands" -> new StockCommandServer(pairs, true);
            default -> throw new IllegalArgumentException("unknown server " + kind + " " + workload);
        };
    }

    private static void serve(BenchServer server, PrintStream replies) throws IOException, InterruptedException {
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String request;
        while ((request = requests.readLine()) != null) {
            switch (request.trim()) {
                case "held" -> {
                    Map<String, String> figures = new LinkedHashMap<>(server.journal());
                    figures.put("held", String.valueOf(server.held()));
                    figures.put("cpu", String.valueOf(HeapProbe.cpuNanos()));
                    reply(replies, figures);
                }
                case "heap" -> {
                    Map<String, String> figures = new LinkedHashMap<>(HeapProbe.afterGc());
                    // Counted after the collections, so it matches the heap it is divided into.
                    figures.put("held", String.valueOf(server.held()));
                    reply(replies, figures);
                }
                case "timings" -> reply(replies, server.timings().drain());
                case "quit" -> {
                    reply(replies, Map.of("bye", "yes"));
                    return;
                }
                default -> reply(replies, Map.of("error", "unknown-request"));
            }
        }
    }

    private static void reply(PrintStream out, Map<String, String> figures) {
        out.println(REPLY + figures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    }
}
