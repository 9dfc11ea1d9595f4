package org.hotline.app.backup;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.Objects;
import org.jooq.DSLContext;

/** The highest Flyway migration applied to a database, read from Flyway's own history table. */
final class SchemaVersion {
    private SchemaVersion() {
    }

    static String of(DSLContext dsl) {
        return dsl.select(field(name("version"), String.class)).from(table(name("flyway_schema_history")))
                .where(field(name("success"), Boolean.class).isTrue())
                .fetch(0, String.class).stream().filter(Objects::nonNull).mapToInt(Integer::parseInt).max()
                .stream().mapToObj(Integer::toString).findFirst().orElse("0");
    }
}
