package org.hotline.core.storage;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded H2 only. After {@code kill -9}, H2 can reopen with an identity column's next value behind keys it had
 * already committed (a sequence's state and the rows it numbered are not made durable together), and the next
 * insert into that table then fails on a duplicate key: the fault suite's soak saw a tip refused this way after a
 * restart. So at every open each identity column starts again just past its highest stored key, which is always a
 * valid next value. PostgreSQL logs its sequences ahead of use and needs none of this.
 */
final class IdentityRealignment {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityRealignment.class);

    private IdentityRealignment() {
    }

    static void realign(DataSource dataSource) {
        DSLContext db = DSL.using(dataSource, SQLDialect.H2);
        // Our own schema's metadata, not input: no value from outside reaches these statements.
        for (Record column : db.resultQuery("select table_name, column_name, identity_base from "
                + "information_schema.columns where is_identity = 'YES' and table_schema = current_schema").fetch()) {
            Name table = DSL.name(column.get(0, String.class));
            Name key = DSL.name(column.get(1, String.class));
            Long highest = db.select(DSL.max(DSL.field(key, Long.class))).from(DSL.table(table)).fetchOne(0, Long.class);
            if (highest == null) {
                continue;
            }
            Long next = column.get(2, Long.class);
            if (next != null && next <= highest) {
                LOG.warn("The generated keys of {} were behind its stored rows (an unclean stop); they go on after {}",
                        table, highest);
            }
            db.execute("alter table {0} alter column {1} restart with {2}", DSL.table(table), DSL.field(key),
                    DSL.inline(highest + 1));
        }
    }
}
