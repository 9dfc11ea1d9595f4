package org.hotline.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loaded machine, for tests: one busy-looping platform thread per core (or as many as asked), at normal
 * priority, until {@link #close}. A fault test run with the hog on proves a promise that must not depend on the
 * machine being quiet (a step "usually" stored within 250 ms is not stored on a busy machine).
 */
public final class CpuHog implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    /** Read at close so the loops cannot be optimised away. */
    private volatile long spins;

    private CpuHog(int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            threads.add(Thread.ofPlatform().daemon().name("cpu-hog-" + i).start(this::spin));
        }
    }

    /** One busy thread per available core. */
    public static CpuHog perCore() {
        return new CpuHog(Runtime.getRuntime().availableProcessors());
    }

    /** {@code threads} busy threads. */
    public static CpuHog of(int threads) {
        return new CpuHog(threads);
    }

    private void spin() {
        long local = 0;
        while (running.get()) {
            for (int i = 0; i < 100_000; i++) {
                local += i ^ (local >>> 3);
            }
        }
        spins += local;
    }

    /** How many busy threads run. */
    public int threads() {
        return threads.size();
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
