package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.core.db.Tables.OPERATOR_STATES;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.hotline.core.testing.TestDatabases;
import org.hotline.core.testing.TestDatabases.Engine;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** States recorded before {@code operator_states.ended_at} existed end where their operator's next one begins (V15). */
class StateEndsMigrationTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-10T08:00:00.250Z");

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void olderStatesEndAtTheirOperatorsNextChange(Engine engine) {
        StorageConfig config = StorageConfig.from(TestDatabases.settings(engine, dataDir));
        DSLContext dsl = TestDatabases.migrate(config, "14");
        operator(dsl, "amina");
        operator(dsl, "bashir");
        // Written out of time order, with two changes in one instant; another operator's changes in between.
        state(dsl, "amina", "on-call", T0.plusSeconds(60));
        state(dsl, "amina", "available", T0);
        state(dsl, "bashir", "available", T0.plusSeconds(30));
        state(dsl, "amina", "wrap-up", T0.plusSeconds(120));
        state(dsl, "amina", "available", T0.plusSeconds(120));

        TestDatabases.migrate(config, "latest");

        assertThat(ends(dsl, "amina")).containsExactly(
                T0.plusSeconds(60).toInstant(), T0.plusSeconds(120).toInstant(), T0.plusSeconds(120).toInstant(),
                null);
        assertThat(ends(dsl, "bashir")).containsExactly((java.time.Instant) null);
    }

    private static void operator(DSLContext dsl, String id) {
        dsl.insertInto(OPERATORS, OPERATORS.ID, OPERATORS.USERNAME, OPERATORS.DISPLAY_NAME, OPERATORS.ROLE,
                        OPERATORS.LANGUAGES, OPERATORS.INTERPRETER, OPERATORS.PASSWORD_HASH, OPERATORS.ENABLED,
                        OPERATORS.CREATED_AT)
                .values(id, id, id, "operator", "prs", false, "x", true, T0).execute();
    }

    /** A state as V14 knew it (no end). */
    private static void state(DSLContext dsl, String operator, String state, OffsetDateTime at) {
        dsl.insertInto(OPERATOR_STATES, OPERATOR_STATES.OPERATOR_ID, OPERATOR_STATES.STATE, OPERATOR_STATES.CHANGED_AT)
                .values(operator, state, at).execute();
    }

    /** The operator's state ends, in the order the states began. */
    private static List<java.time.Instant> ends(DSLContext dsl, String operator) {
        return dsl.select(OPERATOR_STATES.ENDED_AT).from(OPERATOR_STATES)
                .where(OPERATOR_STATES.OPERATOR_ID.eq(operator))
                .orderBy(OPERATOR_STATES.CHANGED_AT, OPERATOR_STATES.ID)
                .fetch(r -> r.value1() == null ? null : r.value1().toInstant());
    }
}
