package org.hotline.core.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs database writes patiently: a write refused because the database is unreachable, or because a record it
 * needs is {@linkplain NotYetStored not stored yet} by another writer, is tried again, with pauses growing to
 * {@link #LONGEST_PAUSE}, until it succeeds or the configured patience ({@code db.outage-patience}) has passed.
 * Any other failure ends the write at once. The records of calls and operators made during a database outage are
 * then stored when it ends, instead of being lost; nobody waits for them, as the returned future completes only
 * once a write is stored or given up.
 *
 * <p>Retries live in memory: a writer closed with writes still waiting (a process stopping during an outage)
 * abandons them, and says how many. The IVR's records are also in its step log
 * ({@link org.hotline.core.steplog.StepLog}), so the next start stores them; dispatch's are lost.
 */
public final class PatientWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PatientWriter.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    /** The pool's own probe finds the database back within a second; a write follows within this. */
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final Executor executor;
    private final Duration patience;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param executor where writes run (it bounds how many hold a connection at once)
     * @param patience how long a write that must wait is tried again before it is given up
     */
    public PatientWriter(Executor executor, Duration patience) {
        this.executor = executor;
        this.patience = patience;
    }

    /** Runs {@code write} on the executor; the future fails with the write's error if it could not be stored. */
    public CompletableFuture<Void> submit(Runnable write) {
        return attempt(write, System.nanoTime() + patience.toNanos(), FIRST_PAUSE);
    }

    /**
     * Runs {@code write} here and now; if it must wait (the database unreachable, a record not stored yet), it goes
     * on trying on the executor and the returned future tells how that ended. Any other failure is thrown here.
     */
    public CompletableFuture<Void> runNowOrRetry(Runnable write) {
        try {
            write.run();
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            if (!worthWaitingFor(e)) {
                throw e;
            }
            return later(write, System.nanoTime() + patience.toNanos(), FIRST_PAUSE);
        }
    }

    /** Writes paused before their next try (the database unreachable, or a record they need not stored yet). */
    public int waiting() {
        return waiting.get();
    }

    /**
     * Whether {@code failure} (or one of its causes) says the database could not be reached, or that a record the
     * write needs is not stored yet: both pass, any other failure would only repeat.
     */
    public static boolean worthWaitingFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof NotYetStored) {
                return true;
            }
            if (t instanceof SQLException sql && FailFastDataSource.connectionFailure(sql)) {
                return true;
            }
        }
        return false;
    }

    private CompletableFuture<Void> attempt(Runnable write, long deadline, Duration pause) {
        return CompletableFuture.runAsync(write, executor).handle((done, failure) -> {
            if (failure == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (!worthWaitingFor(cause) || System.nanoTime() + pause.toNanos() > deadline) {
                return CompletableFuture.<Void>failedFuture(cause);
            }
            return later(write, deadline, pause);
        }).thenCompose(next -> next);
    }

    private CompletableFuture<Void> later(Runnable write, long deadline, Duration pause) {
        waiting.incrementAndGet();
        Executor afterPause = CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS, executor);
        Duration longer = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        return CompletableFuture.runAsync(() -> {
            waiting.decrementAndGet();
            if (closed.get()) {
                throw new CancellationException("the writer was closed");
            }
        }, afterPause).thenCompose(resumed -> attempt(write, deadline, longer));
    }

    /** Abandons the writes still waiting, saying how many: they are lost with the process. */
    @Override
    public void close() {
        closed.set(true);
        int lost = waiting.get();
        if (lost > 0) {
            LOG.warn("Stopping with {} record(s) still waiting for the database; this process will not store them", lost);
        }
    }
}
