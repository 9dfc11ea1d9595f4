package org.hotline.dispatch.tips;

import org.hotline.core.testing.TestDatabases.Engine;

/** {@link TipDangerAssessmentTest} again, on a real PostgreSQL. */
class TipDangerAssessmentOnPostgreSqlTest extends TipDangerAssessmentTest {
    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
