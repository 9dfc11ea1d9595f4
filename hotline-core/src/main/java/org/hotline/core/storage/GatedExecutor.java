package org.hotline.core.storage;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs database work on virtual threads, but never more at once than the connection pool can serve. A burst of
 * ten thousand calls then queues its writes in memory instead of timing out at the pool and losing records.
 *
 * <p>Work waits in two lines, each first in, first out. {@link #firstInLine()} is for a person waiting on the
 * answer (an operator pressing Save): it takes the next free connection before any queued bookkeeping. Without it,
 * a tip saved just after a burst of calls waited behind every state record of that burst, seconds on a loaded
 * machine. Bookkeeping is only delayed, never dropped: people act at human rates.
 */
public final class GatedExecutor implements Executor, AutoCloseable {
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private final Queue<Runnable> firstInLine = new ArrayDeque<>();
    private final Executor ahead = task -> enqueue(firstInLine, task);
    private final int concurrency;
    private int running;
    private boolean closing;

    /** @param concurrency how many tasks may hold a database connection at once */
    public GatedExecutor(int concurrency) {
        this.concurrency = Math.max(1, concurrency);
    }

    @Override
    public void execute(Runnable task) {
        enqueue(waiting, task);
    }

    /** The same gate, but its tasks run before any task queued through {@link #execute}. */
    public Executor firstInLine() {
        return ahead;
    }

    private void enqueue(Queue<Runnable> line, Runnable task) {
        synchronized (this) {
            if (closing) {
                throw new RejectedExecutionException("The database executor is closed");
            }
            line.add(task);
        }
        startWhatFits();
    }

    private void startWhatFits() {
        while (true) {
            Runnable next;
            synchronized (this) {
                if (running >= concurrency) {
                    return;
                }
                next = firstInLine.isEmpty() ? waiting.poll() : firstInLine.poll();
                if (next == null) {
                    return;
                }
                running++;
            }
            Runnable task = next;
            threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    synchronized (this) {
                        running--;
                        notifyAll();
                    }
                    startWhatFits();
                }
            });
        }
    }

    /** Waits for queued tasks to finish, then stops; nothing new is accepted meanwhile. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            boolean interrupted = false;
            while (running > 0 || !waiting.isEmpty() || !firstInLine.isEmpty()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        threads.close();
    }
}
