package org.hotline.bench;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;

/**
 * One step of the e2e ramp: {@code calls} fake-Asterisk calls arriving at {@code rate} per second (open loop:
 * each starts at its scheduled time whether or not earlier ones finished), each going through the IVR menus,
 * hold, the hand-off to the operator who accepted, {@code hotline-end}, and the operator's tip. A call counts as
 * carried only when all of that happened; everything else is lost or failed.
 */
final class E2eStep implements OperatorClient.Listener {
    private static final String LANGUAGE_OPTION = "hotline/lang-option";
    private static final String PURPOSE = "hotline/purpose";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final Duration TIP_WAIT = Duration.ofSeconds(10);

    /** The FastAGI ports calls arrive on, in turn (two nodes in the cluster run); each call ends on its own. */
    private final List<Integer> agiPorts;
    private final double rate;
    private final int calls;
    private final Duration playback;
    private final Random random = new Random(42);
    private final Map<String, Long> offeredLatencyMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> tipSavedNanos = new ConcurrentHashMap<>();
    private final Map<String, Integer> tipStatus = new ConcurrentHashMap<>();
    private final Map<String, Long> startedNanos = new ConcurrentHashMap<>();
    private final AtomicInteger handedOff = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    record Result(double rate, int calls, double arrivedPerSecond, int carried, int lost, Map<String, Integer> why,
                  Latencies toOffer, Latencies toTip, double seconds) {
        JsonObject toJson() {
            JsonObject reasons = new JsonObject();
            why.forEach(reasons::put);
            return new JsonObject().put("rate", rate).put("calls", calls).put("arrivedPerSecond", arrivedPerSecond)
                    .put("carried", carried).put("lost", lost).put("lostBy", reasons)
                    .put("queuedToOffer", toOffer.toJson()).put("callStartToTipSaved", toTip.toJson())
                    .put("seconds", seconds);
        }
    }

    E2eStep(int agiPort, double rate, int calls, Duration playback) {
        this(List.of(agiPort), rate, calls, playback);
    }

    E2eStep(List<Integer> agiPorts, double rate, int calls, Duration playback) {
        this.agiPorts = List.copyOf(agiPorts);
        this.rate = rate;
        this.calls = calls;
        this.playback = playback;
    }

    @Override
    public void offered(String callId, long queuedAtMillis, long arrivedNanos, long arrivedEpochMillis) {
        offeredLatencyMillis.putIfAbsent(callId, arrivedEpochMillis - queuedAtMillis);
    }

    @Override
    public void tipSaved(String callId, int status, long savedNanos) {
        if (callId == null) {
            return;
        }
        tipStatus.put(callId, status);
        if (status == 201) {
            tipSavedNanos.put(callId, savedNanos);
        }
    }

    Result run() throws InterruptedException {
        long begin = System.nanoTime();
        long interval = (long) (1e9 / rate);
        List<FakeCall> planned = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            planned.add(plan(agiPorts.get(i % agiPorts.size())));
        }
        long lastStart = begin;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                long due = begin + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                FakeCall call = planned.get(i);
                int port = agiPorts.get(i % agiPorts.size());
                lastStart = System.nanoTime();
                callers.execute(() -> oneCall(call, port));
            }
            callers.shutdown();
            callers.awaitTermination(CALL_LIMIT.toSeconds() * 3, TimeUnit.SECONDS);
        }
        long tipDeadline = System.nanoTime() + TIP_WAIT.toNanos();
        while (tipStatus.size() < ended.get() && System.nanoTime() < tipDeadline) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        List<Long> toOffer = new ArrayList<>();
        List<Long> toTip = new ArrayList<>();
        int carried = 0;
        for (Map.Entry<String, Long> started : startedNanos.entrySet()) {
            Long saved = tipSavedNanos.get(started.getKey());
            Long offered = offeredLatencyMillis.get(started.getKey());
            if (offered != null) {
                toOffer.add(offered * 1_000_000);
            }
            if (saved != null) {
                carried++;
                toTip.add(saved - started.getValue());
            } else {
                failed(tipStatus.containsKey(started.getKey()) ? "tip refused" : "no tip saved");
            }
        }
        Map<String, Integer> why = new java.util.TreeMap<>();
        failures.forEach((k, v) -> why.put(k, v.get()));
        double arrived = calls <= 1 ? rate : (calls - 1) / ((lastStart - begin) / 1e9);
        return new Result(rate, calls, arrived, carried, calls - carried, why, Latencies.of(toOffer),
                Latencies.of(toTip), seconds);
    }

    private void oneCall(FakeCall call, int agiPort) {
        long start = System.nanoTime();
        CallRecord record;
        try {
            record = call.run(CALL_LIMIT);
        } catch (RuntimeException e) {
            failed("IVR call failed (" + e.getClass().getSimpleName() + ")");
            return;
        }
        String callId = record.variable("HOTLINE_CALL_ID").orElse(null);
        if (!"dial".equals(record.variable("HOTLINE_NEXT").orElse(null)) || callId == null) {
            failed("not handed off (" + record.variable("HOTLINE_NEXT").orElse("none") + ")");
            return;
        }
        handedOff.incrementAndGet();
        startedNanos.put(callId, start);
        try {
            FakeCall.builder("127.0.0.1", agiPort).script("hotline-end").uniqueId(record.uniqueId())
                    .variable("HOTLINE_CALL_ID", callId).variable("DIALSTATUS", "ANSWER")
                    .variable("HOTLINE_END_ANSWERED_MS", "0")
                    .variable("HOTLINE_END_ENDED_MS", "0").build().run(CALL_LIMIT);
            ended.incrementAndGet();
        } catch (RuntimeException e) {
            startedNanos.remove(callId);
            failed("hotline-end failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void failed(String why) {
        failures.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * A caller who completes both menus (the part of the mixed profile that reaches an operator): any of the six
     * languages, purposes 10% danger / 40% report / 25% own help / 25% information, 30% pressing during the
     * prompt. Synthetic Afghan mobile numbers; prompts last {@code playback} each.
     */
    private FakeCall plan(int agiPort) {
        FakeCall.Builder builder = FakeCall.builder("127.0.0.1", agiPort)
                .callerId("+937" + (10_000_000 + random.nextInt(89_999_999))).playbackTime(playback);
        char language = (char) ('1' + random.nextInt(6));
        if (random.nextInt(100) < 30) {
            builder.pressDuring(LANGUAGE_OPTION, language);
        } else {
            builder.press(language);
        }
        int p = random.nextInt(100);
        char purpose = p < 10 ? '1' : p < 50 ? '2' : p < 75 ? '3' : '4';
        if (random.nextInt(100) < 30) {
            builder.pressDuring(PURPOSE, purpose);
        } else {
            builder.press(purpose);
        }
        return builder.build();
    }
}
