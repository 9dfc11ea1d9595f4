package org.hotline.acceptance.privacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Every text column of every table of a stopped hotline's embedded database, searched for one string: which
 * columns hold it. Opened with the hotline's own storage code and generated password, after the process has
 * stopped (H2 allows one process).
 */
final class DatabaseText {
    private DatabaseText() {
    }

    static List<String> columnsHolding(Path dataDir, String text) {
        List<String> columns = new ArrayList<>();
        try (Database database = Database.open(StorageConfig.from(Settings.defaultSettings()
                .with(Map.of("data.dir", dataDir.toString()))))) {
            DSLContext dsl = database.dsl();
            for (Table<?> table : dsl.meta().getTables()) {
                if (table.getSchema() != null && table.getSchema().getName().equalsIgnoreCase("INFORMATION_SCHEMA")) {
                    continue;
                }
                for (Field<?> field : table.fields()) {
                    if (field.getType() == String.class
                            && dsl.fetchExists(table, field.coerce(String.class).contains(text))) {
                        columns.add(table.getName().toUpperCase(java.util.Locale.ROOT) + "."
                                + field.getName().toUpperCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return columns;
    }
}
