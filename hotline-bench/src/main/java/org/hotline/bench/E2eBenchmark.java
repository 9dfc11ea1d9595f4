package org.hotline.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./scripts/bench e2e}: calls through the whole hotline over real sockets, the arrival rate stepped up to
 * find the knee. The hotline runs alone in a child JVM ({@link AppBenchServer}); this JVM is the fake Asterisk
 * and the operators' browsers ({@link OperatorClient} on the real bridge). The same ramp runs twice: our
 * FastAGI server, and the same server with its call pool set to Asterisk-Java's stock ceiling. With
 * {@code --cluster} it runs a third time on a cluster ({@link E2eServers#cluster}: two FastAGI nodes and a
 * dispatch node on PostgreSQL), reported against the single process.
 */
final class E2eBenchmark implements Benchmark {
    private static final Logger LOG = LoggerFactory.getLogger(E2eBenchmark.class);
    private static final List<String> JVM_FLAGS = List.of("-Xmx1g", "-XX:+UseG1GC");
    /** Every prompt "plays" this long: real prompts last seconds, so the menus are shortened, and said so. */
    static final Duration PLAYBACK = Duration.ofMillis(50);
    static final int HOLD_POLL_MILLIS = 100;
    /** A step above this share of lost calls ends the ramp: the knee is behind us. */
    private static final double STOP_LOSS = 0.2;

    /**
     * One ramp; {@code profile} is the JFR top of its last (highest, or saturated) step, for ours only;
     * {@code stopped} says why the ramp ended early when the server stopped answering, else null.
     */
    record ServerRun(String server, List<Step> steps, Map<String, Long> warnings, JfrTop.Top profile,
                     String stopped) {
    }

    record Step(E2eStep.Result result, double cpuPercent, long heapUsed, int threads) {
    }

    @Override
    public String name() {
        return "e2e";
    }

    @Override
    public BenchReport run(BenchContext context) throws Exception {
        List<Integer> rates = context.quick() ? List.of(10, 50, 200, 500) : List.of(10, 50, 100, 200, 500, 1000);
        double stepSeconds = context.quick() ? 3 : 5;
        int cap = context.calls().orElse(context.quick() ? 1000 : 2500);
        // 150 operators: enough for the ramp's low steps; with 300 signed in, the queue snapshot every screen gets
        // twice a second (whole queue x every operator) ran the server out of memory at 200 calls/s.
        int operators = 150;
        List<ServerRun> runs = new ArrayList<>();
        List<String> servers = context.cluster() ? List.of("ours", "stock", "cluster") : List.of("ours", "stock");
        for (String server : servers) {
            runs.add(ramp(context, server, rates, stepSeconds, cap, operators));
        }
        return new E2eFigures(runs, operators, cap, stepSeconds).report(context);
    }

    private ServerRun ramp(BenchContext context, String server, List<Integer> rates, double stepSeconds, int cap,
                           int operators) throws Exception {
        Path data = context.outDir().resolve("work").resolve("e2e-" + server);
        WorkDirs.deleteTree(data);
        List<String> args = List.of("data=" + data, "operators=" + operators,
                "pool=" + (server.equals("stock") ? "stock" : "ours"), "poll=" + HOLD_POLL_MILLIS);
        E2eServers servers = server.equals("cluster")
                ? E2eServers.cluster(JVM_FLAGS, args, data, context.logs(), "e2e-cluster")
                : E2eServers.single(JVM_FLAGS, args, context.logs().resolve("e2e-" + server + ".log"));
        ServerJvm jvm = servers.dispatch();
        java.net.http.HttpClient httpClient = ScreenHttp.sharedClient();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        List<OperatorClient> clients = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        boolean profiled = server.equals("ours");
        String stopped = null;
        Path recording = context.outDir().resolve("e2e-" + server + "-last-step.jfr");
        java.nio.file.Files.deleteIfExists(recording);
        try {
            Map<String, String> ready = servers.probe(Duration.ofSeconds(30));
            LOG.info("e2e {}: hotline up ({} AGI connections); signing in {} operators", server,
                    ready.get("agiOpen"), operators);
            Map<String, String> info = readyInfo(jvm);
            int http = Integer.parseInt(info.get("http"));
            Switch listener = new Switch();
            clients.addAll(SignIns.all(operators, i -> OperatorClient.connect(new ScreenHttp(httpClient, http),
                    AppBenchServer.username(i), info.get("password"), listener, true, timers)));
            Thread.sleep(1000);
            LOG.info("e2e {}: warm-up, 200 calls at 50/s", server);
            listener.target = new E2eStep(servers.agiPorts(), 50, 200, PLAYBACK);
            ((E2eStep) listener.target).run();
            Thread.sleep(1000);
            for (int rate : rates) {
                int calls = (int) Math.max(20, Math.min(cap, Math.round(rate * stepSeconds)));
                E2eStep step = new E2eStep(servers.agiPorts(), rate, calls, PLAYBACK);
                listener.target = step;
                if (profiled) {
                    jvm.ask("jfr-start", Duration.ofSeconds(30));
                }
                Map<String, String> before = servers.probe(Duration.ofSeconds(30));
                long wallBefore = System.nanoTime();
                E2eStep.Result result = step.run();
                Map<String, String> after;
                try {
                    after = servers.probe(Duration.ofSeconds(30));
                    if (profiled) {
                        // Each step's recording replaces the last: the one kept is the highest step run.
                        jvm.ask("jfr-stop " + recording, Duration.ofSeconds(60));
                    }
                } catch (IllegalStateException e) {
                    // The server no longer answers (event loop blocked, out of memory): that is the ceiling.
                    stopped = "the server stopped answering after the " + Format.count(rate) + "/s step (see "
                            + context.logs().resolve("e2e-" + server + ".log").getFileName() + ")";
                    steps.add(new Step(result, Double.NaN, -1, -1));
                    LOG.warn("e2e {}: {}", server, stopped);
                    break;
                }
                double wall = (System.nanoTime() - wallBefore) / 1e9;
                double cpu = (Long.parseLong(after.get("cpu")) - Long.parseLong(before.get("cpu"))) / 1e9;
                double cpuPercent = 100 * cpu / wall / context.machine().cpus();
                steps.add(new Step(result, cpuPercent, Long.parseLong(after.get("heapUsed")),
                        Integer.parseInt(after.get("threads"))));
                LOG.info("e2e {} at {}/s: {} calls, {} carried, {} lost {}; queued→offer p99 {}; CPU {}%", server,
                        rate, result.calls(), result.carried(), result.lost(), result.why(),
                        Latencies.millis(result.toOffer().p99()), Math.round(cpuPercent));
                if (result.lost() > STOP_LOSS * result.calls()) {
                    LOG.info("e2e {}: more than {}% lost, ramp ends", server, Math.round(STOP_LOSS * 100));
                    break;
                }
                Thread.sleep(1500);
            }
        } finally {
            clients.forEach(OperatorClient::close);
            timers.shutdownNow();
            httpClient.close();
            servers.close();
            WorkDirs.deleteTree(data);
        }
        JfrTop.Top profile = profiled && java.nio.file.Files.exists(recording) ? JfrTop.read(recording, 12) : null;
        return new ServerRun(server, steps, servers.warnings(), profile, stopped);
    }

    /** The ready line's ports and password: asked again, since ServerJvm keeps only the AGI port. */
    private static Map<String, String> readyInfo(ServerJvm jvm) {
        return jvm.ask("info", Duration.ofSeconds(10));
    }

    /** Lets the operators, signed in once, report to the step that is running now. */
    static final class Switch implements OperatorClient.Listener {
        volatile OperatorClient.Listener target;

        @Override
        public void offered(String callId, long queuedAtMillis, long arrivedNanos, long arrivedEpochMillis) {
            OperatorClient.Listener t = target;
            if (t != null) {
                t.offered(callId, queuedAtMillis, arrivedNanos, arrivedEpochMillis);
            }
        }

        @Override
        public void tipSaved(String callId, int status, long savedNanos) {
            OperatorClient.Listener t = target;
            if (t != null) {
                t.tipSaved(callId, status, savedNanos);
            }
        }
    }
}
