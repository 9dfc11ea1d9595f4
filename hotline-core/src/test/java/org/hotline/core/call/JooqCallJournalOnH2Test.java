package org.hotline.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.core.testing.TestDatabases.Engine;
import org.junit.jupiter.api.Test;

class JooqCallJournalOnH2Test extends JooqCallJournalTest {
    @Override
    Engine engine() {
        return Engine.H2;
    }

    /** Counted for every hand-off: it must read the caller's own rows, not every earlier call. */
    @Test
    void earlierCallsAreCountedFromThePseudonymIndex() {
        String plan = database.dsl().fetchValue("EXPLAIN SELECT COUNT(*) FROM calls WHERE caller_pseudonym = ? "
                + "AND entered_at < ?", "ab".repeat(32), java.time.OffsetDateTime.parse("2026-11-28T08:00:00Z"))
                .toString();
        assertThat(plan).containsIgnoringCase("ix_calls_pseudonym");
    }
}
