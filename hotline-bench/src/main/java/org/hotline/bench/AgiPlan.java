package org.hotline.bench;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The size of an {@code agi} run. The full run attempts the goal (10,000 held calls); {@code --quick}
 * checks the harness in about a minute.
 *
 * @param calls          calls ramped into hold at once, per server and repetition
 * @param holdReps       hold repetitions per server, each in a fresh server JVM
 * @param warmupCalls    calls per server JVM that pass through to hold and hang up, before anything is measured
 * @param holdFor        how long the held calls are kept before heap and held count are taken
 * @param rampLimit      the longest wait for the ramp to settle
 * @param stallLimit     the ramp counts as settled when nothing has changed for this long
 * @param poll           the hold poll (WAIT FOR DIGIT timeout) of both servers
 * @param serverJvmFlags flags of every server JVM; the heap is the same for both
 * @param pairs          STREAM FILE + WAIT FOR DIGIT pairs per call in the command benchmark
 * @param commandCalls   calls per command repetition (one after another)
 * @param commandReps    command repetitions per server
 * @param commandWarmup  calls per server before the command repetitions
 */
record AgiPlan(int calls, int holdReps, int warmupCalls, Duration holdFor, Duration rampLimit, Duration stallLimit,
               Duration poll, List<String> serverJvmFlags, int pairs, int commandCalls, int commandReps,
               int commandWarmup) {
    static final int GOAL_HELD = 10_000;
    static final double GOAL_HEAP_PER_CALL = 100 * 1024;
    static final double GOAL_COMMAND_RATIO = 1.2;

    static AgiPlan of(BenchContext context) {
        boolean quick = context.quick();
        int calls = context.calls().orElse(quick ? 1_000 : GOAL_HELD);
        return new AgiPlan(calls,
                // Each 10,000-call hold repetition takes about 3 minutes with both servers: one in the full suite.
                context.reps().orElse(context.suite() && !quick ? 1 : 3),
                quick ? 200 : 500,
                Duration.ofSeconds(quick ? 5 : 10),
                // Generous: a ramp that needs longer than this is a finding in itself.
                Duration.ofSeconds(Math.max(60, calls / 50)),
                Duration.ofSeconds(20),
                Duration.ofSeconds(1),
                defaultServerFlags(),
                250,
                quick ? 10 : 20,
                context.reps().orElse(quick ? 5 : 7),
                quick ? 20 : 40);
    }

    /**
     * The same for every server JVM. HOTLINE_BENCH_SERVER_FLAGS adds flags, for example a flight recording
     * ({@code -XX:StartFlightRecording=filename=/tmp/server-%p.jfr}) to see where a server spends its time.
     */
    private static List<String> defaultServerFlags() {
        List<String> flags = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"));
        String extra = System.getenv("HOTLINE_BENCH_SERVER_FLAGS");
        if (extra != null && !extra.isBlank()) {
            flags.addAll(List.of(extra.trim().split("\\s+")));
        }
        return List.copyOf(flags);
    }

    JsonObject toJson() {
        return new JsonObject().put("calls", calls).put("holdReps", holdReps).put("warmupCalls", warmupCalls)
                .put("holdForSeconds", holdFor.toSeconds()).put("pollMillis", poll.toMillis())
                .put("serverJvmFlags", String.join(" ", serverJvmFlags)).put("pairsPerCall", pairs)
                .put("commandCallsPerRep", commandCalls).put("commandReps", commandReps)
                .put("commandWarmupCalls", commandWarmup);
    }
}
