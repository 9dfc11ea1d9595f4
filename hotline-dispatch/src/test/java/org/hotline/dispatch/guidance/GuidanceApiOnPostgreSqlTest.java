package org.hotline.dispatch.guidance;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link GuidanceApiTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class GuidanceApiOnPostgreSqlTest extends GuidanceApiTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
