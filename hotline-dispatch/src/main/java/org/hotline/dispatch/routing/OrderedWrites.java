package org.hotline.dispatch.routing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Chains writes so that those of one key (an operator) run one after another, in the order they were submitted,
 * while different keys still run side by side. An operator's state change ends the state before it; two of them
 * written at once, on two connections, could each miss the other.
 */
final class OrderedWrites {
    /** The last write submitted per key; a key is forgotten once its last write is done. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /**
     * Starts {@code write} once every write submitted before it for {@code key} is done. The write returns a future
     * that completes (never exceptionally) when it is stored or given up.
     */
    void submit(String key, Supplier<CompletableFuture<Void>> write) {
        CompletableFuture<Void> tail = tails.compute(key, (k, previous) -> previous == null
                ? write.get()
                : previous.thenCompose(done -> write.get()));
        tail.whenComplete((done, failure) -> tails.remove(key, tail));
    }

    /** Keys with writes queued or running (for tests). */
    int pendingKeys() {
        return tails.size();
    }
}
