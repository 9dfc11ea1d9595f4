package org.hotline.bench;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.simulator.CallOutcome;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeAsterisk;
import org.hotline.simulator.FakeCall;
import org.hotline.simulator.FakeCallException;
import org.hotline.simulator.FakeCallTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One repetition of "calls held" against one server JVM: warm it up, take its idle heap, ramp every call at
 * once, wait until each call is either held (the server's count) or gone (the client's count), keep them held a
 * while, take the heap again, then end the server JVM, which ends the calls.
 *
 * <p>The callers never hang up by themselves: a held call ends only when the server closes it. So any call
 * that has ended by the time of the snapshot was rejected, dropped or never answered by the server.
 */
final class HoldRun {
    private static final Logger LOG = LoggerFactory.getLogger(HoldRun.class);
    /** Longer than any run: the server JVM's exit, not a timeout, ends a held call. */
    private static final Duration CALL_LIMIT = Duration.ofHours(2);
    private static final Duration ASK_LIMIT = Duration.ofSeconds(30);
    private static final Duration HEAP_LIMIT = Duration.ofMinutes(2);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    private static final int WARMUP_BATCH = 50;
    /**
     * Enough for a 10,000-call burst on a quiet machine (15–35 s seen); on a busy one the catch-up can take minutes,
     * and waiting it out would push a full run past ten minutes, so the CPU figure then includes some of it.
     */
    static final Duration JOURNAL_LIMIT = Duration.ofSeconds(60);
    /** A server using more than this share of one core is working on the ramp, even if no call moved yet. */
    private static final double BUSY_SHARE = 0.1;

    private final AgiPlan plan;
    private final String server;
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicInteger neverAnswered = new AtomicInteger();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final AtomicInteger otherFailures = new AtomicInteger();

    HoldRun(AgiPlan plan, String server) {
        this.plan = plan;
        this.server = server;
    }

    /**
     * What one repetition measured. Heap and RSS are the server JVM's, after full collections; the journal figures
     * are our server's writes from its start (warm-up included), -1 for the stock server.
     */
    record Result(String server, int calls, int held, int rejected, int neverAnswered, int closedByServer,
                  int otherFailures, int notSettled, double rampSeconds, double journalSeconds, long heapIdle,
                  long heapHeld, long rssIdle, long rssHeld, double serverCpuPercent, double clientCpuPercent,
                  int warmupReachedHold, long journalWrites, long journalFailed, long entriesFailed,
                  Map<String, Long> serverWarnings) {
        double heapPerHeld() {
            return held == 0 ? Double.NaN : (double) (heapHeld - heapIdle) / held;
        }

        double rssPerHeld() {
            return held == 0 || rssIdle < 0 ? Double.NaN : (double) (rssHeld - rssIdle) / held;
        }

        /** Warnings the server logged, by message; the stock pool's rejections among them. */
        Result withServerWarnings(Map<String, Long> logged) {
            return new Result(server, calls, held, rejected, neverAnswered, closedByServer, otherFailures,
                    notSettled, rampSeconds, journalSeconds, heapIdle, heapHeld, rssIdle, rssHeld,
                    serverCpuPercent, clientCpuPercent, warmupReachedHold, journalWrites, journalFailed,
                    entriesFailed, logged);
        }

        JsonObject toJson() {
            return new JsonObject().put("server", server).put("calls", calls).put("held", held)
                    .put("rejected", rejected).put("neverAnswered", neverAnswered)
                    .put("closedByServer", closedByServer).put("otherFailures", otherFailures)
                    .put("notSettled", notSettled).put("rampSeconds", rampSeconds)
                    .put("journalSeconds", journalSeconds)
                    .put("heapIdleBytes", heapIdle).put("heapHeldBytes", heapHeld)
                    .put("rssIdleBytes", rssIdle).put("rssHeldBytes", rssHeld)
                    .put("heapPerHeldBytes", heapPerHeld()).put("rssPerHeldBytes", rssPerHeld())
                    .put("serverCpuPercentOfOneCore", serverCpuPercent)
                    .put("clientCpuPercentOfOneCore", clientCpuPercent)
                    .put("warmupReachedHold", warmupReachedHold)
                    .put("journalWrites", journalWrites).put("journalWritesFailed", journalFailed)
                    .put("callEntriesFailed", entriesFailed)
                    .put("serverWarnings", new JsonObject(new LinkedHashMap<>(serverWarnings)));
        }
    }

    /** Runs the repetition and ends {@code jvm} (which ends the held calls). */
    Result run(ServerJvm jvm) throws InterruptedException {
        int warmedUp = warmUp(jvm.port());
        if (warmedUp == 0) {
            throw new IllegalStateException("no warm-up call reached hold on the " + server
                    + " server; see " + jvm.log());
        }
        awaitIdle(jvm);
        Map<String, String> idle = jvm.ask("heap", HEAP_LIMIT);
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < plan.calls(); i++) {
                FakeCall call = heldCall(jvm.port(), i).build();
                callers.submit(() -> place(call));
            }
            double rampSeconds = awaitSettled(jvm, start);
            double journalSeconds = awaitJournal(jvm);
            Map<String, String> before = jvm.ask("held", ASK_LIMIT);
            long clientCpuBefore = HeapProbe.cpuNanos();
            long sustainStart = System.nanoTime();
            Thread.sleep(plan.holdFor());
            Map<String, String> after = jvm.ask("held", ASK_LIMIT);
            double sustained = (System.nanoTime() - sustainStart) / 1e9;
            long clientCpu = HeapProbe.cpuNanos() - clientCpuBefore;
            Map<String, String> held = jvm.ask("heap", HEAP_LIMIT);
            // Snapshot: every call that has ended by now was turned away, since none hangs up by itself.
            int rejected = ended.get();
            int heldNow = Math.min(Integer.parseInt(after.get("held")), Integer.parseInt(held.get("held")));
            double serverCpu = (Long.parseLong(after.get("cpu")) - Long.parseLong(before.get("cpu"))) / 1e9;
            Result result = new Result(server, plan.calls(), heldNow, rejected, neverAnswered.get(),
                    closedByServer.get(), otherFailures.get(), Math.max(0, plan.calls() - heldNow - rejected),
                    rampSeconds, journalSeconds, Long.parseLong(idle.get("heap")),
                    Long.parseLong(held.get("heap")), Long.parseLong(idle.get("rss")), Long.parseLong(held.get("rss")),
                    100 * serverCpu / sustained, 100 * clientCpu / 1e9 / sustained, warmedUp,
                    figure(after, "journalDone"), figure(after, "journalFailed"), figure(after, "entriesFailed"),
                    Map.of());
            LOG.info("{}: {} held, {} rejected, {} not settled; heap {} per held call",
                    server, Format.count(result.held()), Format.count(result.rejected()),
                    Format.count(result.notSettled()), Format.kib(result.heapPerHeld()));
            return result;
        } finally {
            jvm.close();
            callers.shutdown();
            if (!callers.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.warn("{}: some callers were still connected a minute after the server JVM ended", server);
                callers.shutdownNow();
            }
        }
    }

    /**
     * A caller who goes all the way into hold and stays. For ours that means the two menus (language 1, purpose
     * 2 pressed when asked); the stock script has no menus. The caller ids are synthetic.
     */
    private FakeCall.Builder heldCall(int port, int index) {
        FakeCall.Builder call = FakeCall.builder("127.0.0.1", port)
                .callerId(String.format("+93700%06d", index % 1_000_000))
                // Measures what a held call costs the server; the prompts on the way in would only delay reaching
                // hold, and the stock script has none, so both servers are compared without them.
                .instantPrompts("the hold benchmark measures the hold loop, not the prompts before it");
        if (server.equals("ours")) {
            call.press('1').press('2');
        }
        return call;
    }

    /** Passes calls through to their first hold poll and hangs them up there; returns how many got that far. */
    private int warmUp(int port) {
        String holdPoll = "WAIT FOR DIGIT " + plan.poll().toMillis();
        int reached = 0;
        for (int done = 0; done < plan.warmupCalls(); done += WARMUP_BATCH) {
            List<FakeCall> batch = new ArrayList<>();
            for (int i = done; i < Math.min(plan.warmupCalls(), done + WARMUP_BATCH); i++) {
                batch.add(heldCall(port, i).hangupWhen(holdPoll::equals).build());
            }
            for (CallOutcome outcome : FakeAsterisk.runAll(batch, Duration.ofMinutes(1))) {
                if (outcome.succeeded() && outcome.record().callerHungUp()) {
                    reached++;
                }
            }
        }
        return reached;
    }

    /** The warm-up calls leave hold as soon as they hang up; wait for the server to see that. */
    private void awaitIdle(ServerJvm jvm) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Integer.parseInt(jvm.ask("held", ASK_LIMIT).get("held")) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /**
     * Waits until every call is held or ended, or the ramp stalls, or the ramp limit passes. Stalled means no call
     * changed state and the server was nearly idle for the stall limit: a busy server is making progress even
     * while every call is still in the menus. Returns the seconds from the first call to the last progress.
     */
    private double awaitSettled(ServerJvm jvm, long start) throws InterruptedException {
        int lastHeld = -1;
        int lastEnded = -1;
        long lastCpu = -1;
        long lastProgress = System.nanoTime();
        long lastReport = start;
        while (true) {
            Thread.sleep(WATCH_INTERVAL);
            Map<String, String> reply = jvm.ask("held", ASK_LIMIT);
            int held = Integer.parseInt(reply.get("held"));
            long cpu = figure(reply, "cpu");
            int gone = ended.get();
            long now = System.nanoTime();
            boolean busy = lastCpu >= 0 && cpu - lastCpu > BUSY_SHARE * WATCH_INTERVAL.toNanos();
            if (held != lastHeld || gone != lastEnded || busy) {
                lastProgress = now;
            }
            lastHeld = held;
            lastEnded = gone;
            lastCpu = cpu;
            if (now - lastReport >= PROGRESS_INTERVAL.toNanos()) {
                lastReport = now;
                LOG.info("{}: {} held, {} ended, after {}", server, Format.count(held), Format.count(gone),
                        Format.seconds((now - start) / 1e9));
            }
            if (held + gone >= plan.calls()) {
                return (now - start) / 1e9;
            }
            if (now - lastProgress >= plan.stallLimit().toNanos() || now - start >= plan.rampLimit().toNanos()) {
                LOG.warn("{}: the ramp stopped at {} held, {} ended", server, Format.count(held), Format.count(gone));
                return (lastProgress - start) / 1e9;
            }
        }
    }

    /**
     * Waits until our journal has finished the writes queued during the ramp (no write running, none done, for a
     * whole watch interval), so the hold figures are the cost of holding, not of catching up. Returns the seconds
     * waited; the stock server has no journal and returns at once.
     */
    private double awaitJournal(ServerJvm jvm) throws InterruptedException {
        long start = System.nanoTime();
        long lastDone = -1;
        long lastProgress = start;
        while (System.nanoTime() - start < JOURNAL_LIMIT.toNanos()) {
            Map<String, String> now = jvm.ask("held", ASK_LIMIT);
            long done = figure(now, "journalDone");
            if (done == lastDone && figure(now, "journalRunning") <= 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            lastDone = done;
            if (System.nanoTime() - lastProgress >= PROGRESS_INTERVAL.toNanos()) {
                lastProgress = System.nanoTime();
                LOG.info("{}: journal still writing ({} running, {} done, {} failed)", server,
                        Format.count(figure(now, "journalRunning")), Format.count(done),
                        Format.count(figure(now, "journalFailed")));
            }
            Thread.sleep(WATCH_INTERVAL);
        }
        LOG.warn("{}: the journal was still writing {} s after the ramp; measuring anyway", server,
                JOURNAL_LIMIT.toSeconds());
        return JOURNAL_LIMIT.toSeconds();
    }

    /** A number from a server reply; -1 when the server does not report it. */
    private static long figure(Map<String, String> reply, String key) {
        String value = reply.get(key);
        return value == null ? -1 : Long.parseLong(value);
    }

    /** One caller: runs until the server closes the call, and counts how it ended. */
    private void place(FakeCall call) {
        try {
            CallRecord record = call.run(CALL_LIMIT);
            if (record.closedByServer()) {
                closedByServer.incrementAndGet();
            } else {
                otherFailures.incrementAndGet();
            }
        } catch (FakeCallTimeoutException e) {
            otherFailures.incrementAndGet();
        } catch (FakeCallException e) {
            // No record means the connection never opened: refused, or the backlog overflowed.
            (e.partialRecord().isEmpty() ? neverAnswered : closedByServer).incrementAndGet();
        } catch (RuntimeException e) {
            otherFailures.incrementAndGet();
        } finally {
            ended.incrementAndGet();
        }
    }
}
