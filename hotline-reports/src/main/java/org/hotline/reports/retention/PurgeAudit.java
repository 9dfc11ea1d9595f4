package org.hotline.reports.retention;

import static org.hotline.core.db.Tables.AUDIT_EVENTS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Writes the audit row of one purge: done by the hotline itself (no actor, role 'system'), naming the kind of
 * record, the cut-off instant (everything before it was purged) and how many records went.
 */
final class PurgeAudit {
    static final String ACTION = "retention-purge";
    static final String SYSTEM = "system";

    private PurgeAudit() {
    }

    static void record(DSLContext db, OffsetDateTime at, String kind, Instant cutoff, long count) {
        db.insertInto(AUDIT_EVENTS)
                .set(AUDIT_EVENTS.OCCURRED_AT, at)
                .set(AUDIT_EVENTS.ACTOR_ID, (String) null)
                .set(AUDIT_EVENTS.ACTOR_ROLE, SYSTEM)
                .set(AUDIT_EVENTS.ACTION, ACTION)
                .set(AUDIT_EVENTS.SUBJECT_TYPE, kind)
                .set(AUDIT_EVENTS.SUBJECT_ID, cutoff.atOffset(ZoneOffset.UTC).toString())
                .set(AUDIT_EVENTS.RECORD_COUNT, count)
                .execute();
    }
}
