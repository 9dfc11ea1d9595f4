package org.hotline.dispatch.tips;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link TipSubmitTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class TipSubmitOnPostgreSqlTest extends TipSubmitTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
