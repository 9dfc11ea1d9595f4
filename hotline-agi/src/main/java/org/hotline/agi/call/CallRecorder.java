package org.hotline.agi.call;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.core.call.CallJournal;
import org.hotline.core.steplog.StepLog;
import org.hotline.core.steplog.StepRecord;
import org.hotline.core.storage.PatientWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Records one call's steps: each record is first appended to the local {@link StepLog} and forced to disk, which is
 * the only wait the caller has (a millisecond or so, shared with other calls), so a step the caller moved past
 * survives {@code kill -9}. The database write follows off the caller's path, in order: a slow or unreachable
 * database never keeps a caller in silence. While the database is unreachable the writes wait and are stored,
 * still in order, once it answers; once stored, a record is released from the log. A write that fails otherwise
 * (or is given up) is logged in one line (without data) and the call goes on; its record stays in the log for the
 * next start to store.
 */
final class CallRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);

    private final CallJournal journal;
    private final PatientWriter writer;
    private final StepLog log;
    private final String callId;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    /** The id the database knows the call by: ours, or the first one if Asterisk ran the script twice. */
    private volatile String storedId;

    CallRecorder(IvrServices ivr, String callId) {
        this.journal = ivr.journal();
        this.writer = ivr.journalWriter();
        this.log = ivr.stepLog();
        this.callId = callId;
        this.storedId = callId;
    }

    /**
     * Makes {@code record} durable, then queues its database write after every earlier one of this call. Returns
     * once the record is on disk (or the disk failed, which is logged: the call goes on without the guarantee).
     */
    void write(String what, StepRecord record) {
        StepLog.Appended logged = append(what, record);
        synchronized (this) {
            tail = tail.thenCompose(previous -> writer.submit(() -> store(record)).handle((stored, failure) -> {
                if (failure == null) {
                    if (logged != null) {
                        logged.release();
                    }
                } else {
                    warn("Could not record {} ({}); the call goes on", what, failure);
                }
                return null;
            }));
        }
    }

    private StepLog.Appended append(String what, StepRecord record) {
        try {
            return log.append(record);
        } catch (UncheckedIOException e) {
            warn("Could not log {} to disk ({}); it goes to the database only", what, e);
            return null;
        }
    }

    private void store(StepRecord record) {
        if (record instanceof StepRecord.Entered entered) {
            // A repeat of the same Asterisk channel keeps the first call's id.
            storedId = entered.enter(journal);
        } else {
            record.apply(journal, storedId);
        }
    }

    private void warn(String message, String what, Throwable failure) {
        MDC.put("call", callId);
        try {
            LOG.warn(message, what, failure.getClass().getSimpleName());
        } finally {
            MDC.remove("call");
        }
    }

    /** Waits for every queued database write, up to {@code limit}. */
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
