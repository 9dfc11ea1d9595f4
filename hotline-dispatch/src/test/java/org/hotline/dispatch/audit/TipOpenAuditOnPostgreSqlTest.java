package org.hotline.dispatch.audit;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link TipOpenAuditTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class TipOpenAuditOnPostgreSqlTest extends TipOpenAuditTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
