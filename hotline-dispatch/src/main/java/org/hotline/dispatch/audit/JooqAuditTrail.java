package org.hotline.dispatch.audit;

import static org.hotline.core.db.Tables.AUDIT_EVENTS;

import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;

/**
 * {@link AuditTrail} over jOOQ: one insert per event, in its own transaction. Reads select plain values rather
 * than updatable records, so nothing read here can be written back.
 */
public final class JooqAuditTrail implements AuditTrail {
    private final DSLContext dsl;

    /** Blocking, like every repository: call its methods from worker or virtual threads. */
    public JooqAuditTrail(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(AuditEvent event) {
        dsl.transaction(tx -> tx.dsl().insertInto(AUDIT_EVENTS)
                .set(AUDIT_EVENTS.OCCURRED_AT, event.at().atOffset(ZoneOffset.UTC))
                .set(AUDIT_EVENTS.ACTOR_ID, event.actorId())
                .set(AUDIT_EVENTS.ACTOR_ROLE, event.actorRole())
                .set(AUDIT_EVENTS.ACTION, event.action())
                .set(AUDIT_EVENTS.SUBJECT_TYPE, event.subjectType())
                .set(AUDIT_EVENTS.SUBJECT_ID, event.subjectId())
                .execute());
    }

    @Override
    public List<AuditEvent> about(String subjectType, String subjectId) {
        return dsl.select(AUDIT_EVENTS.OCCURRED_AT, AUDIT_EVENTS.ACTOR_ID, AUDIT_EVENTS.ACTOR_ROLE, AUDIT_EVENTS.ACTION,
                        AUDIT_EVENTS.SUBJECT_TYPE, AUDIT_EVENTS.SUBJECT_ID)
                .from(AUDIT_EVENTS)
                .where(AUDIT_EVENTS.SUBJECT_TYPE.eq(subjectType)).and(AUDIT_EVENTS.SUBJECT_ID.eq(subjectId))
                .orderBy(AUDIT_EVENTS.OCCURRED_AT, AUDIT_EVENTS.ID)
                .fetch(r -> new AuditEvent(r.value1().toInstant(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6()));
    }
}
