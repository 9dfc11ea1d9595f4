package org.hotline.core.operator;

import static org.hotline.core.db.Tables.OPERATOR_STATES;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Writes an operator's state changes so that each row also says when it ended ({@code ended_at}, the time of the
 * operator's next change), which is what lets the nightly report sum the time spent available without ordering a
 * whole day of changes. A change recorded late (its write overtaken by a later one) still lands in place: it ends
 * where its successor begins, and its predecessor now ends at it.
 */
public final class OperatorStateHistory {
    private OperatorStateHistory() {
    }

    /**
     * Records that {@code operatorId} entered {@code state} at {@code at}, ending the state it was in. Run it in a
     * transaction, and one at a time per operator: two writes for one operator at once could each miss the other.
     */
    public static void record(DSLContext tx, String operatorId, String state, Instant at, String callId,
                              String reason) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        var s = OPERATOR_STATES;
        // The state this one follows is the operator's latest change up to now (by time, then by id): one step
        // back along the (operator, time) index, however long the history.
        var predecessor = tx.select(s.ID).from(s)
                .where(s.OPERATOR_ID.eq(operatorId)).and(s.CHANGED_AT.le(time))
                .orderBy(s.CHANGED_AT.desc(), s.ID.desc()).limit(1).fetchOne(s.ID);
        if (predecessor != null) {
            tx.update(s).set(s.ENDED_AT, time).where(s.ID.eq(predecessor)).execute();
        }
        var next = tx.select(DSL.min(s.CHANGED_AT)).from(s)
                .where(s.OPERATOR_ID.eq(operatorId)).and(s.CHANGED_AT.gt(time)).fetchOne(0, OffsetDateTime.class);
        tx.insertInto(s)
                .set(s.OPERATOR_ID, operatorId)
                .set(s.STATE, state)
                .set(s.CHANGED_AT, time)
                .set(s.ENDED_AT, next)
                .set(s.CALL_ID, callId)
                .set(s.REASON, reason)
                .execute();
    }
}
