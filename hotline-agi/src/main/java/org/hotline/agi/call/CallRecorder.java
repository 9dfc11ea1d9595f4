package org.hotline.agi.call;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.hotline.core.call.CallJournal;
import org.hotline.core.call.NewCall;
import org.hotline.core.storage.PatientWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes one call's journal entries in order, off the caller's path: a slow or unreachable database must
 * never keep a caller in silence. While the database is unreachable the entries wait and are written, still in
 * order, once it answers; a write that fails otherwise (or is given up) is logged in one line (without data) and
 * the call goes on. The IVR waits for the writes once the caller has left the script, so the hangup handler
 * finds them.
 */
final class CallRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);

    private final CallJournal journal;
    private final PatientWriter writer;
    private final String callId;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    /** The id the database knows the call by: ours, or the first one if Asterisk ran the script twice. */
    private volatile String storedId;

    CallRecorder(CallJournal journal, PatientWriter writer, String callId) {
        this.journal = journal;
        this.writer = writer;
        this.callId = callId;
        this.storedId = callId;
    }

    /** Queues the call's first record; a repeat of the same Asterisk channel keeps the first call's id. */
    void enter(NewCall call) {
        write("the call's entry", (journal, id) -> storedId = journal.enter(call));
    }

    /** Queues a write after every earlier one of this call. */
    synchronized void write(String what, BiConsumer<CallJournal, String> write) {
        tail = tail.thenCompose(previous -> writer.submit(() -> write.accept(journal, storedId))
                .exceptionally(failure -> {
                    MDC.put("call", callId);
                    try {
                        LOG.warn("Could not record {} ({}); the call goes on", what,
                                failure.getClass().getSimpleName());
                    } finally {
                        MDC.remove("call");
                    }
                    return null;
                }));
    }

    /** Gives queued writes up to {@code limit} to finish, quietly: the caller goes on either way. */
    void settle(Duration limit) {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = tail;
        }
        try {
            last.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Still writing (or failed and logged): the caller must not wait on the database.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for every queued write, up to {@code limit}. */
    void flush(Duration limit) {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = tail;
        }
        try {
            last.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("The call's records were still being written after {} ms", limit.toMillis());
        } catch (ExecutionException e) {
            LOG.warn("The call's records failed ({})", e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
