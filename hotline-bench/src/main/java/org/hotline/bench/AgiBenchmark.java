package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./scripts/bench agi}: our FastAGI server against Asterisk-Java's stock {@code DefaultAgiServer}, side by
 * side in one run. Two workloads: calls held at once (with heap per held call), and the round-trip time of single
 * AGI commands. Every server runs in its own JVM with the same flags; the fake Asterisk runs in this one.
 */
final class AgiBenchmark implements Benchmark {
    private static final Logger LOG = LoggerFactory.getLogger(AgiBenchmark.class);
    private static final String OURS = "ours";
    private static final String STOCK = "stock";
    static final String STOCK_VIRTUAL = "stock-virtual";

    @Override
    public String name() {
        return "agi";
    }

    @Override
    public BenchReport run(BenchContext context) throws Exception {
        AgiPlan plan = AgiPlan.of(context);
        List<HoldRun.Result> holds = holdRuns(plan, context);
        List<CommandRun.Result> commands = commandRuns(plan, context);
        return new AgiFigures(plan, holds, commands).report(context);
    }

    /** Alternates the servers (ours first, then stock first) so slow drift on the machine hits both alike. */
    private static List<HoldRun.Result> holdRuns(AgiPlan plan, BenchContext context)
            throws InterruptedException, java.io.IOException {
        List<HoldRun.Result> results = new ArrayList<>();
        for (int rep = 1; rep <= plan.holdReps(); rep++) {
            for (String server : rep % 2 == 1 ? List.of(OURS, STOCK) : List.of(STOCK, OURS)) {
                LOG.info("Calls held, repetition {}/{}: {} server, {} calls", rep, plan.holdReps(), server,
                        Format.count(plan.calls()));
                results.add(holdRun(plan, context, server, rep));
            }
        }
        return results;
    }

    private static HoldRun.Result holdRun(AgiPlan plan, BenchContext context, String server, int rep)
            throws InterruptedException, java.io.IOException {
        Path data = context.outDir().resolve("work").resolve(server + "-" + rep);
        WorkDirs.deleteTree(data);
        List<String> args = new ArrayList<>(List.of(server, "hold", "poll=" + plan.poll().toMillis()));
        if (server.equals(OURS)) {
            args.add("data=" + data);
        }
        ServerJvm jvm = ServerJvm.start(plan.serverJvmFlags(), args,
                context.logs().resolve("agi-hold-" + server + "-" + rep + ".log"));
        try {
            // run() ends the server JVM, so its log is complete here.
            HoldRun.Result result = new HoldRun(plan, server).run(jvm);
            return result.withServerWarnings(jvm.warnings());
        } finally {
            jvm.close();
            WorkDirs.deleteTree(data);
        }
    }

    /**
     * All command servers run at once and take turns call by call. Besides ours and stock, a diagnostic third:
     * the stock server and script on virtual threads, which splits our overhead into "virtual threads" and "the
     * rest of our stack".
     */
    private static List<CommandRun.Result> commandRuns(AgiPlan plan, BenchContext context) {
        // The hold runs left thousands of finished callers' garbage in this JVM; collect it now rather than in
        // the middle of a round trip.
        System.gc();
        Map<String, ServerJvm> servers = new LinkedHashMap<>();
        try {
            for (String server : List.of(OURS, STOCK, STOCK_VIRTUAL)) {
                servers.put(server, ServerJvm.start(plan.serverJvmFlags(),
                        List.of(server, "commands", "pairs=" + plan.pairs()),
                        context.logs().resolve("agi-commands-" + server + ".log")));
            }
            LOG.info("Per-command overhead: warm-up, {} calls per server", plan.commandWarmup());
            CommandRun.run(servers, plan.commandWarmup(), plan.pairs());
            List<CommandRun.Result> results = new ArrayList<>();
            for (int rep = 1; rep <= plan.commandReps(); rep++) {
                LOG.info("Per-command overhead, repetition {}/{}", rep, plan.commandReps());
                results.addAll(CommandRun.run(servers, plan.commandCalls(), plan.pairs()));
            }
            return results;
        } finally {
            servers.values().forEach(ServerJvm::close);
        }
    }

}
