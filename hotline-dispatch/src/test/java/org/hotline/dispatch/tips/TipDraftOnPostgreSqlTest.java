package org.hotline.dispatch.tips;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link TipDraftTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class TipDraftOnPostgreSqlTest extends TipDraftTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
