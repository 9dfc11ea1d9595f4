package org.hotline.dispatch.tips;

import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.core.db.Tables.TIP_ADDENDA;
import static org.hotline.dispatch.tips.TipRecords.time;

import java.time.Instant;
import java.util.List;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.DSLContext;

/**
 * The append-only addenda of tips: insert and read only (AuditAppendOnlyTest keeps it so), so the tip as first
 * written and every addendum stay as they were. Blocking: worker or virtual threads only.
 */
final class JooqAddenda {
    private JooqAddenda() {
    }

    /** Appends an addendum and its audit row in one transaction, and returns it as stored. */
    static Addendum append(DSLContext dsl, String tipId, String text, SignedIn by, Instant at) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            long id = db.insertInto(TIP_ADDENDA)
                    .set(TIP_ADDENDA.TIP_ID, tipId)
                    .set(TIP_ADDENDA.AUTHOR_ID, by.operatorId())
                    .set(TIP_ADDENDA.ADDED_AT, time(at))
                    .set(TIP_ADDENDA.BODY, text)
                    .returningResult(TIP_ADDENDA.ID).fetchSingle().value1();
            new JooqAuditTrail(db).record(AuditEvent.by(at, by.operatorId(), by.role(),
                    AuditAction.TIP_ADDENDUM_ADDED, tipId));
            return of(db, tipId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
        });
    }

    /** A tip's addenda, oldest first, with their authors' names. */
    static List<Addendum> of(DSLContext db, String tipId) {
        return db.select(TIP_ADDENDA.ID, TIP_ADDENDA.AUTHOR_ID, OPERATORS.DISPLAY_NAME, TIP_ADDENDA.ADDED_AT,
                        TIP_ADDENDA.BODY)
                .from(TIP_ADDENDA).join(OPERATORS).on(OPERATORS.ID.eq(TIP_ADDENDA.AUTHOR_ID))
                .where(TIP_ADDENDA.TIP_ID.eq(tipId))
                .orderBy(TIP_ADDENDA.ADDED_AT, TIP_ADDENDA.ID)
                .fetch(r -> new Addendum(r.value1(), tipId, r.value2(), r.value3(), r.value4().toInstant(),
                        r.value5()));
    }
}
