package org.hotline.callcontrol;

import static org.hotline.core.db.Tables.DUTY_LIST;
import static org.hotline.core.db.Tables.ESCALATIONS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline.core.bus.EscalationNeeded;
import org.jooq.DSLContext;

/**
 * The duty list and the escalations table (V27), through jOOQ. Blocking: called on worker threads only.
 */
public final class EscalationStore {
    private final DSLContext db;

    public EscalationStore(DSLContext db) {
        this.db = db;
    }

    /** The on-call duty list in paging order. */
    public List<DutyPerson> dutyList() {
        return db.select(DUTY_LIST.ID, DUTY_LIST.NAME, DUTY_LIST.DUTY_PHONE).from(DUTY_LIST)
                .orderBy(DUTY_LIST.POSITION).fetch(r -> new DutyPerson(r.value1(), r.value2(), r.value3()));
    }

    /** Replaces the duty list with these people, in this order. */
    public void replaceDutyList(List<DutyPerson> people) {
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(DUTY_LIST).execute();
            int position = 0;
            for (DutyPerson person : people) {
                t.insertInto(DUTY_LIST).set(DUTY_LIST.ID, person.id()).set(DUTY_LIST.POSITION, position++)
                        .set(DUTY_LIST.NAME, person.name()).set(DUTY_LIST.DUTY_PHONE, person.phone()).execute();
            }
        });
    }

    void save(Escalation.Row row) {
        var record = db.newRecord(ESCALATIONS);
        record.setId(row.id());
        record.setCallId(row.callId());
        record.setKind(row.kind().name());
        record.setLanguageCode(row.language());
        record.setWaitingSince(time(row.since()));
        record.setStartedAt(time(row.startedAt()));
        record.setState(row.state().code());
        record.setRound(row.round());
        record.setPosition(row.position());
        record.setPagedChannel(row.channelId());
        record.setAcknowledgedBy(row.acknowledgedBy());
        record.setAcknowledgedAt(time(row.acknowledgedAt()));
        record.setEndedAt(time(row.endedAt()));
        if (db.update(ESCALATIONS).set(record).where(ESCALATIONS.ID.eq(row.id())).execute() == 0) {
            db.insertInto(ESCALATIONS).set(record).execute();
        }
    }

    /** The escalations that were paging when the process stopped. */
    List<Escalation.Row> paging() {
        return db.selectFrom(ESCALATIONS).where(ESCALATIONS.STATE.eq("paging")).orderBy(ESCALATIONS.STARTED_AT)
                .fetch(r -> new Escalation.Row(r.getId(), r.getCallId(), EscalationNeeded.Kind.valueOf(r.getKind()),
                        r.getLanguageCode(), r.getWaitingSince().toInstant(), r.getStartedAt().toInstant(),
                        Escalation.State.PAGING, r.getRound(), r.getPosition(), r.getPagedChannel(),
                        r.getAcknowledgedBy(), null, null));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
