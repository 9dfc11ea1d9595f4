package org.hotline.dispatch.partners;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link PartnerSearchTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class PartnerSearchOnPostgreSqlTest extends PartnerSearchTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
