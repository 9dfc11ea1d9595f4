package org.hotline.dispatch.tips;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link ReferralStatusTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class ReferralStatusOnPostgreSqlTest extends ReferralStatusTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
