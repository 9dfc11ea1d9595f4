package org.hotline.bench;

import static org.hotline.core.db.Tables.OPERATOR_STATES;

import ch.qos.logback.classic.Level;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.hotline.app.run.Hotline;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallEnded;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.CallLeft;
import org.hotline.core.bus.HandOffReply;
import org.hotline.core.bus.HoldUpdate;
import org.hotline.core.call.CallJournal;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.call.Language;
import org.hotline.core.call.NewCall;
import org.hotline.core.call.Purpose;
import org.hotline.core.config.Settings;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./scripts/bench dispatch}: the latency from an intake published on the bus ({@link BusAddresses#INTAKE},
 * as the IVR sends it) to the offer arriving at a connected operator client, at 50, 200 and 1,000 calls per
 * second; and tips saved per second through {@code POST /api/tips}.
 *
 * <p>The real hotline ({@link Hotline#start}) runs in this JVM, so intakes can be published on its bus and timed
 * with one clock. The operator clients ({@link OperatorClient}) sign in through the real form and talk to the real
 * SockJS bridge over WebSocket; each auto-accepts. A stand-in IVR on the bus confirms each hand-off and ends the
 * call at once.
 *
 * <p>Baseline, measured on the very same offers in the same run: a bare event-bus consumer registered on each
 * operator's screen address in the server (no bridge, no WebSocket, no JSON frames). The ratio is the bridge's
 * share; the baseline itself is routing plus the bus.
 */
final class DispatchBenchmark implements Benchmark {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchBenchmark.class);
    private static final List<Integer> RATES = List.of(50, 200, 1000);
    private static final double GOAL_P99_NANOS = 20e6;
    private static final int OPERATORS = 300;
    private static final int TIP_POSTERS = 8;
    private static final String PREFIX = "bench-dispatch-";

    @Override
    public String name() {
        return "dispatch";
    }

    record RateRun(int rate, Latencies bridge, Latencies direct, int missing) {
    }

    @Override
    public BenchReport run(BenchContext context) throws Exception {
        int reps = context.reps().orElse(context.quick() ? 1 : 3);
        double seconds = context.quick() ? 2 : 3;
        int tipSeconds = context.quick() ? 3 : 5;
        Path data = context.outDir().resolve("work").resolve("dispatch");
        WorkDirs.deleteTree(data);
        Files.createDirectories(data);
        quiet("org.hotline.dispatch", "org.hotline.app", "org.hotline.agi", "org.hotline.core",
                "io.vertx.core.eventbus.impl.MessageConsumerImpl");
        // Wrap-up ends at the next routing tick (250 ms) instead of after a tip: these operators talk for 0 s, and
        // this benchmark times routing; tips are timed on their own below, and in the e2e benchmark per call.
        // No IVR stores these calls, so routing's records of them (offered, assigned) are given up at once instead
        // of waiting for call entries that never come.
        Hotline hotline = Hotline.start(Settings.defaultSettings().with(Map.of("data.dir", data.toString(),
                "agi.port", "0", "http.port", "0", "management.port", "0", "ivr.voicemail.dir", data.resolve("voicemail").toString(),
                "report.enabled", "false", "dispatch.wrap-up", "1ms", "db.outage-patience", "0s")));
        HttpClient http = ScreenHttp.sharedClient();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        List<OperatorClient> screens = new ArrayList<>();
        List<MessageConsumer<?>> direct = new ArrayList<>();
        Probe probe = new Probe();
        List<RateRun> runs = new ArrayList<>();
        double tipsAfterBurst;
        double tipsIdle;
        try {
            String password = BenchOperators.password();
            BenchOperators.add(hotline.database().dsl(), PREFIX, OPERATORS, 3000, password);
            EventBus bus = hotline.vertx().eventBus();
            LOG.info("dispatch: signing in {} operators over HTTP and connecting them to the bridge", OPERATORS);
            screens.addAll(SignIns.all(OPERATORS, i -> OperatorClient.connect(new ScreenHttp(http,
                    hotline.httpPort()), PREFIX + i, password, probe, false, timers)));
            for (OperatorClient screen : screens) {
                direct.add(bus.<JsonObject>consumer(screen.screenAddress(), message -> {
                    if ("offer".equals(message.body().getString("type"))) {
                        probe.direct.putIfAbsent(message.body().getString("callId"), System.nanoTime());
                    }
                }));
            }
            Thread.sleep(1000);
            CallJournal journal = new JooqCallJournal(hotline.database().dsl());
            LOG.info("dispatch: warm-up, 600 calls at 200/s");
            step(hotline, journal, probe, 200, 600);
            for (int rep = 1; rep <= reps; rep++) {
                for (int rate : RATES) {
                    RateRun run = step(hotline, journal, probe, rate, (int) Math.round(rate * seconds));
                    runs.add(run);
                    LOG.info("dispatch rep {}/{} at {}/s: bridge p50 {} p99 {} max {}; direct p99 {}; {} missing",
                            rep, reps, rate, Latencies.millis(run.bridge().p50()),
                            Latencies.millis(run.bridge().p99()), Latencies.millis(run.bridge().max()),
                            Latencies.millis(run.direct().p99()), run.missing());
                }
            }
            // First while routing's records of the 1,000 calls/s step are still being written (what an operator
            // saving just after a burst meets), then once the database is quiet again: the same run's baseline.
            tipsAfterBurst = tipStorm(screens.subList(0, TIP_POSTERS), tipSeconds);
            awaitQuietDatabase(hotline.database().dsl());
            tipsIdle = tipStorm(screens.subList(0, TIP_POSTERS), tipSeconds);
            LOG.info("dispatch: {} tips saved per second just after the burst, {} on a quiet database",
                    Math.round(tipsAfterBurst), Math.round(tipsIdle));
        } finally {
            direct.forEach(MessageConsumer::unregister);
            screens.forEach(OperatorClient::close);
            timers.shutdownNow();
            http.close();
            hotline.close();
            WorkDirs.deleteTree(data);
        }
        return report(runs, tipsAfterBurst, tipsIdle, seconds, reps, tipSeconds);
    }

    /** One rate: calls entered in the journal beforehand (untimed, as the IVR does before intake), then intakes
     *  published open-loop on schedule. */
    private static RateRun step(Hotline hotline, CallJournal journal, Probe probe, int rate, int calls)
            throws InterruptedException {
        EventBus bus = hotline.vertx().eventBus();
        probe.reset();
        List<String> ids = new ArrayList<>(calls);
        Instant now = Instant.now();
        for (int i = 0; i < calls; i++) {
            String id = UUID.randomUUID().toString();
            journal.enter(new NewCall(id, "bench." + id, "1098", null, "AF", now));
            ids.add(id);
        }
        List<MessageConsumer<JsonObject>> ivrs = new ArrayList<>(calls);
        for (String id : ids) {
            ivrs.add(standInIvr(bus, id));
        }
        Language[] languages = Language.values();
        Purpose[] purposes = {Purpose.DANGER, Purpose.REPORT, Purpose.HELP, Purpose.INFORMATION};
        long interval = (long) (1e9 / rate);
        long begin = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long wait = begin + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String id = ids.get(i);
            Purpose purpose = purposes[i % purposes.length];
            CallIntake intake = new CallIntake(id, "bench." + id, languages[i % languages.length], purpose,
                    purpose.priority(), null, "AF", Map.of());
            probe.published.put(id, System.nanoTime());
            bus.request(BusAddresses.INTAKE, intake.toJson());
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (probe.bridge.size() < calls && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<Long> bridge = new ArrayList<>();
        List<Long> direct = new ArrayList<>();
        probe.published.forEach((id, at) -> {
            Long b = probe.bridge.get(id);
            Long d = probe.direct.get(id);
            if (b != null) {
                bridge.add(b - at);
            }
            if (d != null) {
                direct.add(d - at);
            }
        });
        // Callers still waiting hang up, so no call of this rate is left on the floor to be offered during the
        // next one (its stand-in IVR gone, each such offer would hold an operator for the hand-off timeout).
        for (String id : ids) {
            if (!probe.bridge.containsKey(id)) {
                bus.publish(BusAddresses.CALL_LEFT, new CallLeft(id, CallOutcome.ABANDONED_IN_QUEUE).toJson());
            }
        }
        // Let the last hand-offs finish and the floor settle before the next rate.
        Thread.sleep(1000);
        ivrs.forEach(MessageConsumer::unregister);
        return new RateRun(rate, Latencies.of(bridge), Latencies.of(direct), calls - bridge.size());
    }

    /** The stand-in IVR for one call: takes the hand-off at once, then the call ends (talk time 0). */
    private static MessageConsumer<JsonObject> standInIvr(EventBus bus, String callId) {
        return bus.consumer(BusAddresses.ivrCall(callId), message -> {
            if (HoldUpdate.fromJson(message.body()).type() == HoldUpdate.Type.ASSIGNED) {
                message.reply(new HandOffReply(HandOffReply.Answer.TAKEN).toJson());
                bus.publish(BusAddresses.CALL_ENDED, new CallEnded(callId, "ANSWER", 0, Instant.now()).toJson());
            }
        });
    }

    /** Operators post tips (no call, one referral) back to back for a while; saved (201) per second. */
    private static double tipStorm(List<OperatorClient> posters, int seconds) throws InterruptedException {
        AtomicInteger saved = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        long begin = System.nanoTime();
        for (OperatorClient poster : posters) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (poster.saveTip(null).get(30, TimeUnit.SECONDS) == 201) {
                            saved.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return saved.get() / ((System.nanoTime() - begin) / 1e9);
    }

    private static BenchReport report(List<RateRun> runs, double tipsAfterBurst, double tipsIdle, double seconds,
                                      int reps, int tipSeconds) {
        List<Figure> rows = new ArrayList<>();
        JsonObject raw = new JsonObject();
        for (int rate : RATES) {
            List<RateRun> at = runs.stream().filter(r -> r.rate() == rate).toList();
            Spread p50 = Spread.of(at.stream().map(r -> r.bridge().p50()).filter(Double::isFinite).toList());
            Spread p99 = Spread.of(at.stream().map(r -> r.bridge().p99()).filter(Double::isFinite).toList());
            Spread max = Spread.of(at.stream().map(r -> r.bridge().max()).filter(Double::isFinite).toList());
            Spread d50 = Spread.of(at.stream().map(r -> r.direct().p50()).filter(Double::isFinite).toList());
            Spread d99 = Spread.of(at.stream().map(r -> r.direct().p99()).filter(Double::isFinite).toList());
            Spread dmax = Spread.of(at.stream().map(r -> r.direct().max()).filter(Double::isFinite).toList());
            int missing = at.stream().mapToInt(RateRun::missing).sum();
            String label = "dispatch at " + Format.count(rate) + " calls/s: intake → offer on operator's socket";
            rows.add(new Figure(label + ", p50", p50.format(Latencies::millis), d50.format(Latencies::millis),
                    Format.ratio(p50.median(), d50.median()), ""));
            rows.add(new Figure(label + ", p99", p99.format(Latencies::millis), d99.format(Latencies::millis),
                    Format.ratio(p99.median(), d99.median()), rate == 200
                            ? "p99 < 20 ms in every run: " + (p99.max() < GOAL_P99_NANOS ? "met" : "not met") : ""));
            rows.add(new Figure(label + ", max" + (missing > 0 ? " (" + missing + " offers never arrived)" : ""),
                    max.format(Latencies::millis), dmax.format(Latencies::millis),
                    Format.ratio(max.median(), dmax.median()), ""));
            JsonArray each = new JsonArray();
            at.forEach(r -> each.add(new JsonObject().put("bridge", r.bridge().toJson())
                    .put("direct", r.direct().toJson()).put("missing", r.missing())));
            raw.put(String.valueOf(rate), each);
        }
        rows.add(new Figure("tips saved per second just after the 1,000 calls/s step (POST /api/tips with one "
                + "referral, " + TIP_POSTERS + " operators back to back); baseline: the same on a quiet database",
                Format.count(tipsAfterBurst), Format.count(tipsIdle), Format.ratio(tipsAfterBurst, tipsIdle),
                "context"));
        raw.put("tipsPerSecondAfterBurst", tipsAfterBurst);
        raw.put("tipsPerSecondQuiet", tipsIdle);
        List<String> notes = List.of(
                "ours = the offer reaching a simulated operator's WebSocket client through the real SockJS bridge "
                        + "(signed in through the real form, session cookie, CSRF token, Origin); baseline column = "
                        + "the same offers reaching a bare consumer registered on that operator's screen address on "
                        + "the server's event bus (routing and the bus, no bridge, no WebSocket): the ratio is the "
                        + "bridge's share.",
                String.format(Locale.ROOT, "%d operators speaking every language, auto-accepting; a stand-in IVR on "
                        + "the bus takes each hand-off and ends the call at once; each client presses Ready as "
                        + "soon as its call ends (wrap-up never ends on its own) so the floor has free operators at every rate (a tip per call is "
                        + "timed in e2e). Intakes are published open-loop on schedule for %.0f s per rate (calls "
                        + "entered in the journal beforehand, untimed), after a 600-call warm-up; %d repetition(s) "
                        + "per rate, median (min–max).", OPERATORS, seconds, reps),
                "The hotline, the operator clients and the publisher share this JVM and the machine's 2 cores; the "
                        + "hotline's logging is turned down to warnings for this run. Latency uses System.nanoTime "
                        + "in one JVM.",
                String.format(Locale.ROOT, "Tips per second: %d signed-in operators each post a substantive tip "
                        + "with one referral, waiting for each 201 before the next, for %d s; each is one "
                        + "transaction on the embedded H2 database. Measured twice: at once after the last rate "
                        + "step, while routing's records of its calls (offers, assignments, operator states) are "
                        + "still being written, and again once the database is quiet (its operator-state count "
                        + "steady for 2 s). Saves take a connection ahead of routing's queued records "
                        + "(GatedExecutor.firstInLine); before that they queued behind them and the first figure "
                        + "was 25 to 36 per second.", TIP_POSTERS, tipSeconds),
                "Bench operators' password hashes use the cheapest Argon2id parameters (verified by the real "
                        + "sign-in) so hundreds can sign in quickly; sign-in is not timed.");
        return new BenchReport("dispatch", "Dispatch: intake to offer on the operator's screen, and tips saved",
                rows, notes, raw);
    }

    /** Waits (at most 2 minutes) until routing's records stop landing: the operator-state count holds for 2 s. */
    private static void awaitQuietDatabase(DSLContext db) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long last = -1;
        int steady = 0;
        while (steady < 4 && System.nanoTime() < deadline) {
            long now = db.fetchCount(OPERATOR_STATES);
            steady = now == last ? steady + 1 : 0;
            last = now;
            Thread.sleep(500);
        }
    }

    static void quiet(String... loggers) {
        for (String name : loggers) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(Level.WARN);
            }
        }
    }

    /** Arrival times by call id, from the bridge clients and the direct consumers. */
    static final class Probe implements OperatorClient.Listener {
        final Map<String, Long> published = new ConcurrentHashMap<>();
        final Map<String, Long> bridge = new ConcurrentHashMap<>();
        final Map<String, Long> direct = new ConcurrentHashMap<>();

        void reset() {
            published.clear();
            bridge.clear();
            direct.clear();
        }

        @Override
        public void offered(String callId, long queuedAtMillis, long arrivedNanos, long arrivedEpochMillis) {
            bridge.putIfAbsent(callId, arrivedNanos);
        }
    }
}
