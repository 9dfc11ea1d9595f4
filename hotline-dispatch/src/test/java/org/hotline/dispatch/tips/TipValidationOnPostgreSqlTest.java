package org.hotline.dispatch.tips;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link TipValidationTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class TipValidationOnPostgreSqlTest extends TipValidationTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
