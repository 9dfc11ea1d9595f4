package org.hotline.dispatch.tips;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.core.db.Tables.TIP_DRAFTS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hotline.dispatch.api.ApiError;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/** {@link TipDrafts} over jOOQ, one row per operator and call, with explicit transactions. */
final class JooqTipDrafts implements TipDrafts {
    static final String ALREADY_SAVED = "The tip for this call is already saved.";
    private static final int LIST_LIMIT = 50;

    private final DSLContext dsl;

    JooqTipDrafts(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<Draft> find(String operatorId, String callId) {
        return dsl.transactionResult(tx -> tx.dsl().selectFrom(TIP_DRAFTS)
                .where(TIP_DRAFTS.OPERATOR_ID.eq(operatorId)).and(TIP_DRAFTS.CALL_ID.eq(callId))
                .fetchOptional(r -> new Draft(r.getCallId(), r.getTipId(), r.getContent(),
                        r.getUpdatedAt().toInstant())));
    }

    @Override
    public Draft save(String operatorId, String callId, String proposedTipId, String content, Instant at) {
        try {
            return dsl.transactionResult(tx -> upsert(tx.dsl(), operatorId, callId, proposedTipId, content, at));
        } catch (DataAccessException e) {
            if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw e;
            }
            // Two tabs stored the first draft at once: the other insert won, so this one is an update now.
            return dsl.transactionResult(tx -> upsert(tx.dsl(), operatorId, callId, proposedTipId, content, at));
        }
    }

    private static Draft upsert(DSLContext db, String operatorId, String callId, String proposedTipId,
                                String content, Instant at) {
        // A save racing the submit (an autosave in flight) must not bring the draft back after the tip.
        if (JooqTipStore.tipOfCall(db, callId).isPresent()) {
            throw ApiError.conflict(ALREADY_SAVED);
        }
        if (!JooqTipStore.handled(db, callId, operatorId)) {
            if (JooqTipStore.awaitingAssignment(db, callId) || beingPutThrough(db, callId)) {
                throw ApiError.notYet("The call is still being put through; your notes are kept on screen.");
            }
            throw ApiError.forbidden("Only the operator who took this call can write its tip.");
        }
        var time = at.atOffset(ZoneOffset.UTC);
        int updated = db.update(TIP_DRAFTS).set(TIP_DRAFTS.CONTENT, content).set(TIP_DRAFTS.UPDATED_AT, time)
                .where(TIP_DRAFTS.OPERATOR_ID.eq(operatorId)).and(TIP_DRAFTS.CALL_ID.eq(callId)).execute();
        if (updated == 0) {
            db.insertInto(TIP_DRAFTS).set(TIP_DRAFTS.OPERATOR_ID, operatorId).set(TIP_DRAFTS.CALL_ID, callId)
                    .set(TIP_DRAFTS.TIP_ID, proposedTipId).set(TIP_DRAFTS.CONTENT, content)
                    .set(TIP_DRAFTS.UPDATED_AT, time).execute();
        }
        return db.selectFrom(TIP_DRAFTS).where(TIP_DRAFTS.OPERATOR_ID.eq(operatorId))
                .and(TIP_DRAFTS.CALL_ID.eq(callId))
                .fetchSingle(r -> new Draft(r.getCallId(), r.getTipId(), r.getContent(), r.getUpdatedAt().toInstant()));
    }

    /**
     * A call nobody has taken yet and that has not ended: the operator's screen opens the notes at the accept,
     * seconds before routing records who took it, so their first saves wait (503) rather than fail. Nothing is
     * stored until the call is theirs.
     */
    private static boolean beingPutThrough(DSLContext db, String callId) {
        return db.fetchExists(CALLS, CALLS.ID.eq(callId).and(CALLS.OPERATOR_ID.isNull()).and(CALLS.OUTCOME.isNull()));
    }

    @Override
    public java.util.List<Draft> list(String operatorId) {
        return dsl.transactionResult(tx -> tx.dsl().select(TIP_DRAFTS.CALL_ID, TIP_DRAFTS.TIP_ID, TIP_DRAFTS.UPDATED_AT)
                .from(TIP_DRAFTS).where(TIP_DRAFTS.OPERATOR_ID.eq(operatorId))
                .orderBy(TIP_DRAFTS.UPDATED_AT.desc()).limit(LIST_LIMIT)
                .fetch(r -> new Draft(r.value1(), r.value2(), null, r.value3().toInstant())));
    }

    @Override
    public Optional<String> savedTip(String operatorId, String callId) {
        return dsl.transactionResult(tx -> tx.dsl().select(TIPS.ID).from(TIPS).where(TIPS.CALL_ID.eq(callId))
                .and(TIPS.OPERATOR_ID.eq(operatorId)).fetchOptional(TIPS.ID));
    }
}
