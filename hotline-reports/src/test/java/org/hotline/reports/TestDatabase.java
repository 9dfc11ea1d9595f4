package org.hotline.reports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.core.testing.TestDatabases;
import org.hotline.core.testing.TestDatabases.Engine;

/** A real database with the real migrations: H2 in a test's temporary folder, or the embedded PostgreSQL. */
final class TestDatabase {
    private TestDatabase() {
    }

    static Settings settings(Path dataDir, Map<String, String> more) {
        return settings(Engine.H2, dataDir, more);
    }

    static Settings settings(Engine engine, Path dataDir, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of("ivr.voicemail.dir", dataDir.resolve("voicemail").toString()));
        values.putAll(more);
        return TestDatabases.settings(engine, dataDir).with(values);
    }

    static Database open(Settings settings) {
        return Database.open(StorageConfig.from(settings));
    }

    /** A clock stopped at a local time in Asia/Kabul. */
    static Clock at(String localDateTime) {
        Instant instant = Seed.local(localDateTime);
        return Clock.fixed(instant, Seed.KABUL);
    }
}
