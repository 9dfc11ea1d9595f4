package org.hotline.dispatch.people;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link PeopleApiTest} again, on a real PostgreSQL: the admins' row lock and every change run unchanged on both. */
class PeopleApiOnPostgreSqlTest extends PeopleApiTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
