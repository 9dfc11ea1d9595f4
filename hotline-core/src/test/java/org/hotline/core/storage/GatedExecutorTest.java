package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GatedExecutorTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void neverRunsMoreTasksAtOnceThanItsConcurrency() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try (GatedExecutor gate = new GatedExecutor(2)) {
            for (int i = 0; i < 200; i++) {
                (i % 2 == 0 ? gate : gate.firstInLine()).execute(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.yield();
                    running.decrementAndGet();
                    done.incrementAndGet();
                });
            }
        }
        assertThat(done).hasValue(200);
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void aPersonsTaskRunsBeforeQueuedBookkeepingAndEachLineKeepsItsOrder() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch hold = new CountDownLatch(1);
        try (GatedExecutor gate = new GatedExecutor(1)) {
            gate.execute(() -> await(hold));
            for (int i = 1; i <= 3; i++) {
                String name = "record-" + i;
                gate.execute(() -> order.add(name));
            }
            gate.firstInLine().execute(() -> order.add("tip-1"));
            gate.firstInLine().execute(() -> order.add("tip-2"));
            hold.countDown();
        }
        assertThat(order).containsExactly("tip-1", "tip-2", "record-1", "record-2", "record-3");
    }

    @Test
    void closeWaitsForQueuedTasksAndThenRefusesNewOnes() {
        AtomicInteger done = new AtomicInteger();
        GatedExecutor gate = new GatedExecutor(1);
        for (int i = 0; i < 50; i++) {
            gate.execute(done::incrementAndGet);
        }
        gate.close();
        assertThat(done).hasValue(50);
        assertThatThrownBy(() -> gate.execute(done::incrementAndGet)).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> gate.firstInLine().execute(done::incrementAndGet))
                .isInstanceOf(RejectedExecutionException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
