package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.core.call.CallJournal;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.call.NewCall;
import org.hotline.core.config.Settings;
import org.hotline.core.testing.StoppablePostgres;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL that stops under an open {@link Database} and starts again: once the outage is found, work fails
 * at once as "unavailable" (nobody queues behind the pool's connection timeout) and the health probe says so;
 * when the server is back, the same {@code Database} works again without being reopened, and the writes
 * {@link PatientWriter} kept during the outage are stored.
 */
class DatabaseOutageTest {
    @TempDir
    Path dir;

    @Test
    void anOutageFailsFastAndRecoveryNeedsNoReopen() {
        try (StoppablePostgres postgres = StoppablePostgres.start(dir.resolve("postgres"));
             Database database = Database.open(StorageConfig.from(Settings.defaultSettings()
                     .with(postgres.settings()).with(Map.of("data.dir", dir.toString()))))) {
            CallJournal journal = new JooqCallJournal(database.dsl());
            journal.enter(call());
            assertThat(database.isReachable()).isTrue();

            postgres.stop();

            // Every attempt fails: the pool's connections are dead, and a new one cannot be made. Once the pool has
            // found that out (after its own timeout at most), work is refused at once, as unavailable.
            await().atMost(Duration.ofSeconds(30)).until(() -> refusedAsUnavailable(() -> journal.enter(call())));
            assertThat(database.isReachable()).isFalse();
            assertThat(refusedAsUnavailable(() -> journal.enter(call()))).isTrue();

            postgres.startAgain();

            await().atMost(Duration.ofSeconds(30)).until(database::isReachable);
            String id = journal.enter(call());
            assertThat(journal.find(id)).isPresent();
        }
    }

    @Test
    void writesMadeDuringAnOutageAreStoredOnceItEnds() {
        try (StoppablePostgres postgres = StoppablePostgres.start(dir.resolve("postgres"));
             Database database = Database.open(StorageConfig.from(Settings.defaultSettings()
                     .with(postgres.settings()).with(Map.of("data.dir", dir.toString()))));
             GatedExecutor executor = new GatedExecutor(4)) {
            CallJournal journal = new JooqCallJournal(database.dsl());
            PatientWriter writer = new PatientWriter(executor, Duration.ofMinutes(2));
            postgres.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> refusedAsUnavailable(() -> journal.enter(call())));

            List<NewCall> calls = List.of(call(), call(), call());
            List<CompletableFuture<Void>> writes = calls.stream()
                    .map(call -> writer.submit(() -> journal.enter(call))).toList();
            CompletableFuture<Void> now = writer.runNowOrRetry(() -> journal.enter(calls.getFirst()));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.waiting() == 4);
            assertThat(writes).noneMatch(CompletableFuture::isDone);
            // A failure that is not the outage is not tried again.
            assertThatThrownBy(() -> writer.runNowOrRetry(() -> {
                throw new IllegalStateException("not an outage");
            })).isInstanceOf(IllegalStateException.class);

            postgres.startAgain();

            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            now.get(30, TimeUnit.SECONDS);
            assertThat(writer.waiting()).isZero();
            for (NewCall call : calls) {
                assertThat(journal.find(call.callId())).isPresent();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the work failed because the database is known to be down (any other failure: false). */
    private static boolean refusedAsUnavailable(Runnable work) {
        try {
            work.run();
        } catch (DataAccessException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root instanceof SQLTransientConnectionException
                    && "The database is unavailable".equals(root.getMessage());
        }
        throw new AssertionError("the work succeeded with the database stopped");
    }

    private static NewCall call() {
        String id = UUID.randomUUID().toString();
        return new NewCall(id, "outage." + id, "1098", "pseudonym", "AF", Instant.now());
    }
}
