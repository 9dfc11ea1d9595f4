package org.hotline.acceptance.privacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.hotline.acceptance.StoppedDatabase;
import org.jooq.Field;
import org.jooq.Table;

/** Every text column of every table of a stopped hotline's database, searched for strings. */
final class DatabaseText {
    private DatabaseText() {
    }

    /** For each of {@code texts}, the columns ({@code TABLE.COLUMN}) holding it in some row. */
    static Map<String, List<String>> columnsHolding(Path dataDir, Collection<String> texts) {
        return StoppedDatabase.with(dataDir, dsl -> {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            texts.forEach(text -> columns.put(text, new ArrayList<>()));
            for (Table<?> table : dsl.meta().getTables()) {
                if (table.getSchema() != null && table.getSchema().getName().equalsIgnoreCase("INFORMATION_SCHEMA")) {
                    continue;
                }
                for (Field<?> field : table.fields()) {
                    for (String text : texts) {
                        if (field.getType() == String.class
                                && dsl.fetchExists(table, field.coerce(String.class).contains(text))) {
                            columns.get(text).add((table.getName() + "." + field.getName()).toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
            return columns;
        });
    }
}
