package org.hotline.core.call;

import org.hotline.core.testing.TestDatabases.Engine;

class JooqCallJournalOnPostgresTest extends JooqCallJournalTest {
    @Override
    Engine engine() {
        return Engine.POSTGRESQL;
    }
}
