package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
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
 * when the server is back, the same {@code Database} works again without being reopened.
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

            // The first attempt finds the outage (after the pool's own timeout at most)...
            assertThatThrownBy(() -> journal.enter(call())).isInstanceOf(DataAccessException.class);
            assertThat(database.isReachable()).isFalse();
            // ... and from then on work is refused at once, as unavailable.
            assertThatThrownBy(() -> journal.enter(call())).isInstanceOf(DataAccessException.class)
                    .hasRootCauseInstanceOf(SQLTransientConnectionException.class)
                    .rootCause().hasMessage("The database is unavailable");

            postgres.startAgain();

            await().atMost(Duration.ofSeconds(30)).until(database::isReachable);
            String id = journal.enter(call());
            assertThat(journal.find(id)).isPresent();
        }
    }

    private static NewCall call() {
        String id = UUID.randomUUID().toString();
        return new NewCall(id, "outage." + id, "1098", "pseudonym", "AF", Instant.now());
    }
}
