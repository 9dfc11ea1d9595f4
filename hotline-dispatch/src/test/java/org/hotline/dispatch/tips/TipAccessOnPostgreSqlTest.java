package org.hotline.dispatch.tips;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link TipAccessTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class TipAccessOnPostgreSqlTest extends TipAccessTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
