package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

/**
 * What a write that must wait does: tried again while a record it needs is not stored yet, never again after any
 * other failure, given up after the patience, and abandoned when the writer closes. (A real outage, on a real
 * PostgreSQL stopped and started again, is in {@link DatabaseOutageTest}.)
 */
class PatientWriterTest {

    @Test
    void aWriteWaitsForTheRecordItNeeds() throws Exception {
        try (GatedExecutor executor = new GatedExecutor(2); PatientWriter writer = new PatientWriter(executor,
                Duration.ofMinutes(1))) {
            AtomicInteger attempts = new AtomicInteger();
            CompletableFuture<Void> write = writer.submit(() -> {
                if (attempts.incrementAndGet() < 3) {
                    throw new NotYetStored("the call");
                }
            });
            write.get(10, TimeUnit.SECONDS);
            assertThat(attempts).hasValue(3);
        }
    }

    @Test
    void anyOtherFailureEndsTheWriteAtOnce() {
        try (GatedExecutor executor = new GatedExecutor(2); PatientWriter writer = new PatientWriter(executor,
                Duration.ofMinutes(1))) {
            AtomicInteger attempts = new AtomicInteger();
            CompletableFuture<Void> write = writer.submit(() -> {
                attempts.incrementAndGet();
                throw new IntegrityConstraintViolationException("duplicate");
            });
            assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IntegrityConstraintViolationException.class);
            assertThat(attempts).hasValue(1);
            assertThatThrownBy(() -> writer.runNowOrRetry(() -> {
                throw new IllegalStateException("not worth waiting for");
            })).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aWriteIsGivenUpAfterThePatience() {
        try (GatedExecutor executor = new GatedExecutor(1); PatientWriter writer = new PatientWriter(executor,
                Duration.ofMillis(600))) {
            AtomicInteger attempts = new AtomicInteger();
            CompletableFuture<Void> write = writer.submit(() -> {
                attempts.incrementAndGet();
                throw new DataAccessException("down", new SQLTransientConnectionException("down", "08001"));
            });
            assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SQLTransientConnectionException.class);
            assertThat(attempts.get()).isBetween(2, 4);
            assertThat(writer.waiting()).isZero();
        }
    }

    @Test
    void closingAbandonsTheWritesStillWaiting() {
        try (GatedExecutor executor = new GatedExecutor(1)) {
            PatientWriter writer = new PatientWriter(executor, Duration.ofMinutes(1));
            AtomicInteger attempts = new AtomicInteger();
            CompletableFuture<Void> write = writer.runNowOrRetry(() -> {
                attempts.incrementAndGet();
                throw new NotYetStored("the call");
            });
            await().atMost(5, TimeUnit.SECONDS).until(() -> writer.waiting() == 1);
            writer.close();
            assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CancellationException.class);
            assertThat(attempts).hasValue(1);
        }
    }
}
