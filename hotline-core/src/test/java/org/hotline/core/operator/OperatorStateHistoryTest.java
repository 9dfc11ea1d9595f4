package org.hotline.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.core.db.Tables.OPERATOR_STATES;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline.core.storage.Database;
import org.hotline.core.testing.TestDatabases;
import org.hotline.core.testing.TestDatabases.Engine;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each recorded state ends where its operator's next one begins, whatever order the writes arrive in. */
class OperatorStateHistoryTest {
    private static final Instant T0 = Instant.parse("2026-03-10T08:00:00.250Z");

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statesRecordedInOrderEndAtTheNextOne(Engine engine) {
        try (Database database = TestDatabases.open(engine, dataDir)) {
            DSLContext dsl = database.dsl();
            operator(dsl, "amina");
            operator(dsl, "bashir");
            record(dsl, "amina", "available", T0);
            record(dsl, "bashir", "available", T0.plusSeconds(10));
            record(dsl, "amina", "offered", T0.plusSeconds(30));
            // Two changes in one instant: the first ends at once, the second is the one that lasts.
            record(dsl, "amina", "on-call", T0.plusSeconds(40));
            record(dsl, "amina", "wrap-up", T0.plusSeconds(40));

            assertThat(ends(dsl, "amina")).containsExactly(T0.plusSeconds(30), T0.plusSeconds(40),
                    T0.plusSeconds(40), null);
            assertThat(ends(dsl, "bashir")).containsExactly((Instant) null);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStateRecordedLateLandsInItsPlace(Engine engine) {
        try (Database database = TestDatabases.open(engine, dataDir)) {
            DSLContext dsl = database.dsl();
            operator(dsl, "amina");
            record(dsl, "amina", "available", T0);
            record(dsl, "amina", "on-call", T0.plusSeconds(60));
            // Its write was overtaken: it happened between the two above.
            record(dsl, "amina", "offered", T0.plusSeconds(30));
            // And one from before anything recorded.
            record(dsl, "amina", "away", T0.minusSeconds(600));

            assertThat(ends(dsl, "amina")).containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(60), null);
        }
    }

    private static void operator(DSLContext dsl, String id) {
        dsl.insertInto(OPERATORS, OPERATORS.ID, OPERATORS.USERNAME, OPERATORS.DISPLAY_NAME, OPERATORS.ROLE,
                        OPERATORS.LANGUAGES, OPERATORS.INTERPRETER, OPERATORS.PASSWORD_HASH, OPERATORS.ENABLED,
                        OPERATORS.CREATED_AT)
                .values(id, id, id, "operator", "prs", false, "x", true, T0.atOffset(ZoneOffset.UTC)).execute();
    }

    private static void record(DSLContext dsl, String operator, String state, Instant at) {
        dsl.transaction(tx -> OperatorStateHistory.record(tx.dsl(), operator, state, at, null, null));
    }

    /** The operator's state ends, in the order the states began. */
    private static List<Instant> ends(DSLContext dsl, String operator) {
        return dsl.select(OPERATOR_STATES.ENDED_AT).from(OPERATOR_STATES)
                .where(OPERATOR_STATES.OPERATOR_ID.eq(operator))
                .orderBy(OPERATOR_STATES.CHANGED_AT, OPERATOR_STATES.ID)
                .fetch(r -> r.value1() == null ? null : r.value1().toInstant());
    }
}
