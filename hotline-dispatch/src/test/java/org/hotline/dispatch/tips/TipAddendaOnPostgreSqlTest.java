package org.hotline.dispatch.tips;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link TipAddendaTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class TipAddendaOnPostgreSqlTest extends TipAddendaTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
