package org.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.storage.GatedExecutor;
import org.junit.jupiter.api.Test;

/** One operator's writes run one at a time in the order made; different operators' writes run side by side. */
class OrderedWritesTest {

    @Test
    void oneKeysWritesRunInOrderAndNeverTogether() {
        try (GatedExecutor executor = new GatedExecutor(4)) {
            OrderedWrites writes = new OrderedWrites();
            Map<String, List<Integer>> done = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
            AtomicInteger overlaps = new AtomicInteger();
            for (int i = 0; i < 500; i++) {
                for (String key : List.of("amina", "bashir", "daud")) {
                    int n = i;
                    writes.submit(key, () -> CompletableFuture.runAsync(() -> {
                        if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        Thread.yield();
                        done.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(n);
                        running.get(key).decrementAndGet();
                    }, executor));
                }
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> writes.pendingKeys() == 0);
            assertThat(overlaps).hasValue(0);
            for (String key : List.of("amina", "bashir", "daud")) {
                assertThat(done.get(key)).hasSize(500).isSorted();
            }
        }
    }

    @Test
    void differentKeysDoNotWaitForEachOther() throws InterruptedException {
        try (GatedExecutor executor = new GatedExecutor(2)) {
            OrderedWrites writes = new OrderedWrites();
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch otherRan = new CountDownLatch(1);
            writes.submit("amina", () -> CompletableFuture.runAsync(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, executor));
            writes.submit("bashir", () -> CompletableFuture.runAsync(otherRan::countDown, executor));
            assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> writes.pendingKeys() == 0);
        }
    }
}
