package org.hotline.dispatch.apitest;

import java.nio.file.Path;
import org.hotline.core.testing.TestDatabases.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real API server per test class, on H2 unless a subclass names another engine (the PostgreSQL variants of
 * each test class do). Subclasses sign their people in with a {@code @BeforeAll} of their own, which runs after
 * this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase {
    protected Path dataDir;
    protected ApiServer api;

    /** The database engine this run uses. */
    protected Engine engine() {
        return Engine.H2;
    }

    @BeforeAll
    void startApi(@TempDir Path dir) {
        dataDir = dir;
        api = ApiServer.start(engine(), dataDir);
    }

    @AfterAll
    void stopApi() {
        api.close();
    }
}
