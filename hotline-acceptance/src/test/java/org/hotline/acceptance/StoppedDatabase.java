package org.hotline.acceptance;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.jooq.DSLContext;

/**
 * The embedded database of a stopped hotline (H2 allows one process), opened with the hotline's own storage code
 * and generated password, for a test to read or to seed before the first start.
 */
public final class StoppedDatabase {
    private StoppedDatabase() {
    }

    public static <T> T with(Path dataDir, Function<DSLContext, T> work) {
        try (Database database = Database.open(StorageConfig.from(Settings.defaultSettings()
                .with(Map.of("data.dir", dataDir.toString()))))) {
            return work.apply(database.dsl());
        }
    }
}
