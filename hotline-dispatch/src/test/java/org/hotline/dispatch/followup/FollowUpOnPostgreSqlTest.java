package org.hotline.dispatch.followup;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link FollowUpTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class FollowUpOnPostgreSqlTest extends FollowUpTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
