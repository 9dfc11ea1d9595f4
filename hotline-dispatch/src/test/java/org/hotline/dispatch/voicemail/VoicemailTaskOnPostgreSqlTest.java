package org.hotline.dispatch.voicemail;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link VoicemailTaskTest} again, on a real PostgreSQL: the same code must run unchanged on both databases. */
class VoicemailTaskOnPostgreSqlTest extends VoicemailTaskTest {
    @Override
    Engine engine() {
        return Engine.POSTGRESQL;
    }
}
