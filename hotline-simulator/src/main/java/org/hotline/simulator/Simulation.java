package org.hotline.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load of synthetic calls against a FastAGI server. Calls start on a clock at the given rate (an open
 * model, as real callers do not wait for each other), each on its own virtual thread, and the result counts
 * how they ended.
 *
 * <pre>{@code
 * SimulationResult result = Simulation.run(SimulationOptions.defaults().withPort(port).withCalls(1000));
 * log.info("{}", result.summary());
 * }</pre>
 */
public final class Simulation {
    private static final Logger log = LoggerFactory.getLogger(Simulation.class);
    /** Slack on top of a call's own timeout before we stop waiting for its thread. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final int MAX_FAILURES_KEPT = 5;

    private Simulation() {
    }

    /** Places {@code options.calls()} calls and waits for all of them to end. */
    public static SimulationResult run(SimulationOptions options) {
        CallerPlans plans = new CallerPlans(options);
        List<CallerPlans.PlannedCall> planned = new ArrayList<>(options.calls());
        for (int i = 0; i < options.calls(); i++) {
            planned.add(plans.next());
        }
        log.debug("simulating {} calls, profile {}, rate {}/s", options.calls(), options.profile(), options.rate());
        long startNanos = System.nanoTime();
        List<Future<CallRecord>> futures = new ArrayList<>(planned.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < planned.size(); i++) {
                waitUntil(startNanos + (long) (i * 1e9 / options.rate()));
                FakeCall call = planned.get(i).call();
                futures.add(executor.submit(() -> call.run(options.callTimeout())));
            }
            Tally tally = new Tally();
            for (int i = 0; i < planned.size(); i++) {
                tally.add(planned.get(i), futures.get(i), options.callTimeout().plus(GRACE));
            }
            return tally.result(options, Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }

    private static void waitUntil(long dueNanos) {
        long waitNanos;
        while ((waitNanos = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(waitNanos);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("simulation interrupted");
            }
        }
    }

    /** Counts outcomes as futures complete; used by one thread. */
    private static final class Tally {
        private int completed;
        private int callerHungUp;
        private int errors;
        private int timeouts;
        private int handedOff;
        private int endedInIvr;
        private int fallback;
        private int otherOutcome;
        private final TreeMap<String, Integer> behaviours = new TreeMap<>();
        private final List<Duration> durations = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();

        void add(CallerPlans.PlannedCall planned, Future<CallRecord> future, Duration wait) {
            behaviours.merge(planned.behaviour().label(), 1, Integer::sum);
            CallOutcome outcome = CallOutcome.await(planned.call(), future, wait);
            if (!outcome.succeeded()) {
                Throwable failure = outcome.failure().orElseThrow();
                if (failure instanceof FakeCallTimeoutException || failure instanceof TimeoutException) {
                    timeouts++;
                } else {
                    errors++;
                }
                if (failures.size() < MAX_FAILURES_KEPT) {
                    failures.add(failure.getClass().getSimpleName() + ": " + failure.getMessage());
                }
                return;
            }
            CallRecord record = outcome.record();
            durations.add(record.duration());
            if (record.callerHungUp()) {
                callerHungUp++;
            } else if (record.closedByServer()) {
                completed++;
                countOutcome(record);
            } else {
                errors++;
            }
        }

        private void countOutcome(CallRecord record) {
            if (record.variable("HOTLINE_IVR_DONE").isEmpty()) {
                fallback++;
                return;
            }
            String next = record.variable("HOTLINE_NEXT").orElse("");
            if (next.equals("dial") && record.variable("HOTLINE_TARGET").filter(t -> !t.isBlank()).isPresent()) {
                handedOff++;
            } else if (next.equals("hangup")) {
                endedInIvr++;
            } else {
                otherOutcome++;
            }
        }

        SimulationResult result(SimulationOptions options, Duration elapsed) {
            List<Duration> sorted = durations.stream().sorted().toList();
            return new SimulationResult(options, completed + callerHungUp + errors + timeouts, completed,
                    callerHungUp, errors, timeouts, handedOff, endedInIvr, fallback, otherOutcome, behaviours,
                    percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                    sorted.isEmpty() ? Duration.ZERO : sorted.getLast(), elapsed, failures);
        }

        /** Nearest-rank percentile: the smallest duration at or above which {@code p}% of calls lie. */
        private static Duration percentile(List<Duration> sorted, int p) {
            if (sorted.isEmpty()) {
                return Duration.ZERO;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(rank, 1) - 1);
        }
    }
}
