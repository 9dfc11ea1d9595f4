package org.hotline.reports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;

/** A real H2 file database with the real migrations, in a test's temporary folder. */
final class TestDatabase {
    private TestDatabase() {
    }

    static Settings settings(Path dataDir, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of("data.dir", dataDir.toString(),
                "ivr.voicemail.dir", dataDir.resolve("voicemail").toString()));
        values.putAll(more);
        return Settings.defaultSettings().with(values);
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
