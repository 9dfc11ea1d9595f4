package org.hotline.core.call;

import org.hotline.core.testing.TestDatabases.Engine;

class JooqCallJournalOnH2Test extends JooqCallJournalTest {
    @Override
    Engine engine() {
        return Engine.H2;
    }
}
