package org.hotline.core.storage;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Runs database work on virtual threads, but never more at once than the connection pool can serve. A burst of
 * ten thousand calls then queues its writes in memory instead of timing out at the pool and losing records.
 */
public final class GatedExecutor implements Executor, AutoCloseable {
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore permits;

    /** @param concurrency how many tasks may hold a database connection at once */
    public GatedExecutor(int concurrency) {
        this.permits = new Semaphore(Math.max(1, concurrency), true);
    }

    @Override
    public void execute(Runnable task) {
        threads.execute(() -> {
            permits.acquireUninterruptibly();
            try {
                task.run();
            } finally {
                permits.release();
            }
        });
    }

    /** Waits for queued tasks to finish, then stops. */
    @Override
    public void close() {
        threads.close();
    }
}
