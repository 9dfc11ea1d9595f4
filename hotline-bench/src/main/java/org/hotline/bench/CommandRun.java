package org.hotline.bench;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;

/**
 * Per-command overhead: calls to {@link CommandScripts#SCRIPT}, one at a time so each sample is a clean round
 * trip rather than a queueing delay, taking turns between the servers call by call so that a noisy neighbour on
 * the machine slows all of them alike. Each server reports the percentiles of its own commands.
 */
final class CommandRun {
    private static final Duration CALL_LIMIT = Duration.ofMinutes(1);
    private static final Duration ASK_LIMIT = Duration.ofSeconds(30);

    private CommandRun() {
    }

    /** One repetition's percentiles for one server, in nanoseconds. */
    record Result(String server, long samples, long p50, long p99, long mean) {
        JsonObject toJson() {
            return new JsonObject().put("server", server).put("samples", samples).put("p50Nanos", p50)
                    .put("p99Nanos", p99).put("meanNanos", mean);
        }
    }

    /** Places {@code calls} calls on each server, in turns, and returns each server's percentiles. */
    static List<Result> run(Map<String, ServerJvm> servers, int calls, int pairs) {
        List<String> names = List.copyOf(servers.keySet());
        // Forget anything recorded before this repetition (the warm-up, or the start-up probe).
        names.forEach(name -> servers.get(name).ask("timings", ASK_LIMIT));
        for (int i = 0; i < calls; i++) {
            for (int turn = 0; turn < names.size(); turn++) {
                // Rotate who goes first, so no server always follows the same one.
                String name = names.get((i + turn) % names.size());
                call(servers.get(name), name, pairs);
            }
        }
        List<Result> results = new ArrayList<>();
        for (String name : names) {
            Map<String, String> timings = servers.get(name).ask("timings", ASK_LIMIT);
            results.add(new Result(name, Long.parseLong(timings.get("n")), Long.parseLong(timings.get("p50")),
                    Long.parseLong(timings.get("p99")), Long.parseLong(timings.get("mean"))));
        }
        return results;
    }

    private static void call(ServerJvm jvm, String server, int pairs) {
        CallRecord record = FakeCall.builder("127.0.0.1", jvm.port()).script(CommandScripts.SCRIPT)
                .instantPrompts("measures the FastAGI command round trip; playing a prompt would only add idle time")
                .build().run(CALL_LIMIT);
        // The script's commands, then Asterisk-Java's AJ_AGISTATUS.
        if (!record.closedByServer() || record.commands().size() < 2 * pairs) {
            throw new IllegalStateException("a command-benchmark call on the " + server + " server ended after "
                    + record.commands().size() + " commands; see " + jvm.log());
        }
    }
}
