package org.hotline.dispatch.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.OPERATOR_STATES;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.hotline.core.call.Language;
import org.hotline.core.storage.Database;
import org.hotline.core.testing.TestDatabases;
import org.hotline.core.testing.TestDatabases.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The operator directory on H2 and PostgreSQL with the real migrations. */
class JooqOperatorDirectoryTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void peopleAreAddedFoundDisabledAndTheirStatesRecorded(Engine engine) {
        try (Database database = TestDatabases.open(engine, dataDir)) {
            OperatorDirectory directory = new JooqOperatorDirectory(database.dsl());
            Operator added = directory.add(new NewOperator("nadia", "Nadia", Role.OPERATOR,
                    Set.of(Language.DARI, Language.PASHTO), true, "PJSIP/1001"), "$argon2id$hash");

            assertThat(directory.byUsername("nadia")).contains(added);
            assertThat(added.languages()).containsExactlyInAnyOrder(Language.DARI, Language.PASHTO);
            assertThat(directory.passwordHash("nadia")).contains("$argon2id$hash");

            directory.setEnabled("nadia", false);
            assertThat(directory.passwordHash("nadia")).isEmpty();
            assertThat(directory.byId(added.id()).orElseThrow().enabled()).isFalse();

            assertThat(directory.lastState(added.id())).isEmpty();
            Instant at = Instant.parse("2026-11-28T08:00:00Z");
            directory.recordState(added.id(), OperatorState.AVAILABLE, at, null, "operator");
            directory.recordState(added.id(), OperatorState.OFFERED, at, "c-1", "offer");
            assertThat(database.dsl().fetchCount(OPERATOR_STATES, OPERATOR_STATES.OPERATOR_ID.eq(added.id())))
                    .isEqualTo(2);
            // Two changes in one instant: the later record is the last state (what a new routing owner restores).
            assertThat(directory.lastState(added.id())).contains(new RecordedState(OperatorState.OFFERED, "c-1"));
        }
    }
}
