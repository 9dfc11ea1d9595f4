package org.hotline.dispatch.voicemail;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.VOICEMAIL_TASKS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.Priority;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

/** {@link VoicemailTasks} over jOOQ; the task table's primary key is what makes a claim exclusive. */
final class JooqVoicemailTasks implements VoicemailTasks {
    private static final int LIST_LIMIT = 200;

    private final DSLContext dsl;

    JooqVoicemailTasks(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Calls that left a voice message with a recording. */
    private static Condition isVoicemail() {
        return CALLS.OUTCOME.eq(CallOutcome.VOICEMAIL.code()).and(CALLS.VOICEMAIL_REF.isNotNull());
    }

    @Override
    public List<VoicemailTask> openFor(String operatorId, java.util.Set<String> languages) {
        Condition claimable = VOICEMAIL_TASKS.CALL_ID.isNull();
        if (languages != null) {
            claimable = claimable.and(CALLS.LANGUAGE_CODE.in(languages));
        }
        Condition open = claimable;
        return dsl.transactionResult(tx -> tx.dsl()
                .select(CALLS.ID, CALLS.LANGUAGE_CODE, CALLS.PURPOSE, CALLS.PRIORITY, CALLS.ENTERED_AT,
                        VOICEMAIL_TASKS.CLAIMED_BY, VOICEMAIL_TASKS.CLAIMED_AT, VOICEMAIL_TASKS.DONE_AT)
                .from(CALLS).leftJoin(VOICEMAIL_TASKS).on(VOICEMAIL_TASKS.CALL_ID.eq(CALLS.ID))
                .where(isVoicemail())
                .and(open
                        .or(VOICEMAIL_TASKS.CLAIMED_BY.eq(operatorId).and(VOICEMAIL_TASKS.DONE_AT.isNull())))
                .orderBy(DSL.when(CALLS.PRIORITY.eq(Priority.EMERGENCY.code()), 0).otherwise(1), CALLS.ENTERED_AT)
                .limit(LIST_LIMIT)
                .fetch(r -> new VoicemailTask(r.get(CALLS.ID), r.get(CALLS.LANGUAGE_CODE), r.get(CALLS.PURPOSE),
                        r.get(CALLS.PRIORITY), instant(r.get(CALLS.ENTERED_AT)),
                        operatorId.equals(r.get(VOICEMAIL_TASKS.CLAIMED_BY)),
                        instant(r.get(VOICEMAIL_TASKS.CLAIMED_AT)),
                        instant(r.get(VOICEMAIL_TASKS.DONE_AT)))));
    }

    @Override
    public Optional<Message> find(String callId) {
        return dsl.transactionResult(tx -> tx.dsl()
                .select(CALLS.ID, VOICEMAIL_TASKS.CLAIMED_BY, CALLS.VOICEMAIL_REF, CALLS.LANGUAGE_CODE)
                .from(CALLS).leftJoin(VOICEMAIL_TASKS).on(VOICEMAIL_TASKS.CALL_ID.eq(CALLS.ID))
                .where(CALLS.ID.eq(callId)).and(isVoicemail())
                .fetchOptional(r -> new Message(r.get(CALLS.ID), r.get(VOICEMAIL_TASKS.CLAIMED_BY),
                        r.get(CALLS.VOICEMAIL_REF), r.get(CALLS.LANGUAGE_CODE))));
    }

    @Override
    public boolean claim(String callId, String operatorId, Instant at) {
        try {
            // One statement, one transaction: the insert either creates the claim or hits the primary key.
            dsl.transaction(tx -> tx.dsl().insertInto(VOICEMAIL_TASKS)
                    .set(VOICEMAIL_TASKS.CALL_ID, callId)
                    .set(VOICEMAIL_TASKS.CLAIMED_BY, operatorId)
                    .set(VOICEMAIL_TASKS.CLAIMED_AT, at.atOffset(ZoneOffset.UTC))
                    .execute());
            return true;
        } catch (DataAccessException e) {
            if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw e;
            }
            // Someone claimed it first (perhaps this same operator, in another tab).
            return find(callId).map(m -> operatorId.equals(m.claimant())).orElseThrow(() -> e);
        }
    }

    @Override
    public void done(String callId, String operatorId, Instant at) {
        dsl.transaction(tx -> tx.dsl().update(VOICEMAIL_TASKS)
                .set(VOICEMAIL_TASKS.DONE_AT, at.atOffset(ZoneOffset.UTC))
                .where(VOICEMAIL_TASKS.CALL_ID.eq(callId))
                .and(VOICEMAIL_TASKS.CLAIMED_BY.eq(operatorId))
                .and(VOICEMAIL_TASKS.DONE_AT.isNull())
                .execute());
    }

    @Override
    public void release(String callId, String operatorId) {
        dsl.transaction(tx -> tx.dsl().deleteFrom(VOICEMAIL_TASKS)
                .where(VOICEMAIL_TASKS.CALL_ID.eq(callId))
                .and(VOICEMAIL_TASKS.CLAIMED_BY.eq(operatorId))
                .and(VOICEMAIL_TASKS.DONE_AT.isNull())
                .execute());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
