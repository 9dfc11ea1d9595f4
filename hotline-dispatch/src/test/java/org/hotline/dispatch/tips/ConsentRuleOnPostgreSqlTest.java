package org.hotline.dispatch.tips;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link ConsentRuleTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class ConsentRuleOnPostgreSqlTest extends ConsentRuleTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
