package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.CALL_STEPS;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.hotline.core.testing.TestDatabases;
import org.hotline.core.testing.TestDatabases.Engine;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Calls recorded before {@code calls.queued_at} existed get it from their first queued step (V12). */
class QueuedAtMigrationTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-10T08:00:00.250Z");

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void olderCallsGetTheirFirstQueuedStep(Engine engine) {
        StorageConfig config = StorageConfig.from(TestDatabases.settings(engine, dataDir));
        DSLContext dsl = TestDatabases.migrate(config, "11");
        call(dsl, "queued-twice", "queued", T0.plusSeconds(30), "queued", T0, "handed-off", T0.plusSeconds(50));
        call(dsl, "never-queued", "ended", T0.plusSeconds(3));

        TestDatabases.migrate(config, "latest");

        assertThat(queuedAt(dsl, "queued-twice").toInstant()).isEqualTo(T0.toInstant());
        assertThat(queuedAt(dsl, "never-queued")).isNull();
    }

    /** A call as V11 knew it (no queued_at), with steps given as pairs of step code and time. */
    private static void call(DSLContext dsl, String id, Object... steps) {
        dsl.insertInto(CALLS, CALLS.ID, CALLS.ASTERISK_UNIQUE_ID, CALLS.ENTERED_AT, CALLS.STEP)
                .values(id, "u-" + id, T0.minusSeconds(10), "ended").execute();
        for (int i = 0; i < steps.length; i += 2) {
            dsl.insertInto(CALL_STEPS, CALL_STEPS.CALL_ID, CALL_STEPS.STEP, CALL_STEPS.OCCURRED_AT)
                    .values(id, (String) steps[i], (OffsetDateTime) steps[i + 1]).execute();
        }
    }

    private static OffsetDateTime queuedAt(DSLContext dsl, String id) {
        return dsl.select(CALLS.QUEUED_AT).from(CALLS).where(CALLS.ID.eq(id)).fetchSingle().value1();
    }
}
