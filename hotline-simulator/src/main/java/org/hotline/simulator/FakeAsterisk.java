package org.hotline.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Places many {@link FakeCall}s at once, as a busy Asterisk would. */
public final class FakeAsterisk {
    private static final Duration GRACE = Duration.ofSeconds(1);

    private FakeAsterisk() {
    }

    /**
     * Starts every call at once, each on its own virtual thread, and waits for all of them.
     *
     * @param timeout how long each call, and so the whole batch, may take
     * @return one outcome per call, in the order of {@code calls}
     */
    public static List<CallOutcome> runAll(List<FakeCall> calls, Duration timeout) {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CallRecord>> futures = new ArrayList<>(calls.size());
            for (FakeCall call : calls) {
                futures.add(executor.submit(() -> call.run(timeout)));
            }
            List<CallOutcome> outcomes = new ArrayList<>(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                // Each call enforces its own timeout; the grace second only covers scheduling slack.
                Duration wait = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())).plus(GRACE);
                outcomes.add(CallOutcome.await(calls.get(i), futures.get(i), wait));
            }
            return outcomes;
        }
    }
}
