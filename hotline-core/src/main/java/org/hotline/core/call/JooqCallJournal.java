package org.hotline.core.call;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.CALL_STEPS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.db.tables.records.CallsRecord;
import org.hotline.core.lease.RoutingFence;
import org.hotline.core.storage.NotYetStored;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/** {@link CallJournal} over jOOQ; every method is one explicit transaction. */
public final class JooqCallJournal implements CallJournal {
    /** The width of calls.caller_pseudonym_other_keys (V32). */
    private static final int OTHER_KEYS_WIDTH = 400;
    /** The node name of a hotline that runs as one process. */
    public static final String SINGLE_NODE = "local";

    private final DSLContext dsl;
    private final String node;
    private final RoutingFence fence;

    public JooqCallJournal(DSLContext dsl) {
        this(dsl, SINGLE_NODE);
    }

    /** A journal whose calls are marked as run by {@code node} (a cluster member's name). */
    public JooqCallJournal(DSLContext dsl, String node) {
        this(dsl, node, RoutingFence.NONE);
    }

    /**
     * A journal whose routing writes ({@link #offered}, {@link #assigned}) are refused with
     * {@link org.hotline.core.lease.FencedOff} unless {@code fence} says this node still owns routing.
     */
    public JooqCallJournal(DSLContext dsl, String node, RoutingFence fence) {
        this.dsl = dsl;
        this.node = node;
        this.fence = fence;
    }

    @Override
    public String enter(NewCall call) {
        try {
            return insertOnce(call);
        } catch (IntegrityConstraintViolationException raced) {
            // The entry and hangup-handler scripts of one channel can enter it at the same instant. H2 runs "on
            // conflict do nothing" as a MERGE that reports the loser as a key violation; the winner's row stands.
            return dsl.select(CALLS.ID).from(CALLS).where(CALLS.ASTERISK_UNIQUE_ID.eq(call.asteriskUniqueId()))
                    .fetchSingle(CALLS.ID);
        }
    }

    private String insertOnce(NewCall call) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            int inserted = db.insertInto(CALLS)
                    .set(CALLS.ID, call.callId())
                    .set(CALLS.ASTERISK_UNIQUE_ID, call.asteriskUniqueId())
                    .set(CALLS.DIALLED_NUMBER, call.dialledNumber())
                    .set(CALLS.CALLER_PSEUDONYM, call.pseudonym())
                    .set(CALLS.CALLER_PSEUDONYM_OTHER_KEYS, otherKeys(call.otherKeys()))
                    .set(CALLS.CALLER_COUNTRY, call.country())
                    .set(CALLS.ENTERED_AT, time(call.enteredAt()))
                    .set(CALLS.STEP, CallStep.ENTERED.code())
                    .set(CALLS.IVR_NODE, node)
                    // The conflict target named: on H2 jOOQ emulates this as a MERGE, and without a target it
                    // matched on every unique key at once (id OR channel), which no index serves, so every call's
                    // entry scanned the whole journal (the e2e benchmark's profile: 38% of server CPU at 500
                    // calls/s). Only the channel can repeat: call ids are fresh UUIDs.
                    .onConflict(CALLS.ASTERISK_UNIQUE_ID).doNothing()
                    .execute();
            if (inserted == 1) {
                insertStep(db, call.callId(), CallStep.ENTERED, call.enteredAt());
                return call.callId();
            }
            return db.select(CALLS.ID).from(CALLS).where(CALLS.ASTERISK_UNIQUE_ID.eq(call.asteriskUniqueId()))
                    .fetchSingle(CALLS.ID);
        });
    }

    @Override
    public void languageChosen(String callId, Language language, Instant at) {
        dsl.transaction(tx -> {
            tx.dsl().update(CALLS).set(CALLS.LANGUAGE_CODE, language.code())
                    .set(CALLS.STEP, CallStep.LANGUAGE_CHOSEN.code()).where(CALLS.ID.eq(callId)).execute();
            insertStep(tx.dsl(), callId, CallStep.LANGUAGE_CHOSEN, at);
        });
    }

    @Override
    public void purposeChosen(String callId, Purpose purpose, Instant at) {
        dsl.transaction(tx -> {
            tx.dsl().update(CALLS).set(CALLS.PURPOSE, purpose.code()).set(CALLS.PRIORITY, purpose.priority().code())
                    .set(CALLS.STEP, CallStep.PURPOSE_CHOSEN.code()).where(CALLS.ID.eq(callId)).execute();
            insertStep(tx.dsl(), callId, CallStep.PURPOSE_CHOSEN, at);
        });
    }

    @Override
    public void step(String callId, CallStep step, Instant at) {
        dsl.transaction(tx -> {
            var update = tx.dsl().update(CALLS).set(CALLS.STEP, step.code());
            if (step == CallStep.QUEUED) {
                // Kept on the call so the nightly report reads its wait without looking through the steps; a call
                // queued twice keeps the first time, as its wait counts from there.
                OffsetDateTime queued = time(at);
                update = update.set(CALLS.QUEUED_AT, DSL.when(CALLS.QUEUED_AT.isNull().or(CALLS.QUEUED_AT.gt(queued)),
                        DSL.val(queued)).else_(CALLS.QUEUED_AT));
            }
            update.where(CALLS.ID.eq(callId)).execute();
            insertStep(tx.dsl(), callId, step, at);
        });
    }

    @Override
    public void handedOff(String callId, String operatorTarget, Instant at) {
        dsl.transaction(tx -> {
            tx.dsl().update(CALLS).set(CALLS.STEP, CallStep.HANDED_OFF.code()).set(CALLS.HANDED_OFF_AT, time(at))
                    .set(CALLS.OPERATOR_TARGET, operatorTarget).where(CALLS.ID.eq(callId)).execute();
            insertStep(tx.dsl(), callId, CallStep.HANDED_OFF, at);
        });
    }

    @Override
    public void voicemail(String callId, String reference, Instant at) {
        dsl.transaction(tx -> {
            tx.dsl().update(CALLS).set(CALLS.STEP, CallStep.VOICEMAIL.code()).set(CALLS.VOICEMAIL_REF, reference)
                    .where(CALLS.ID.eq(callId)).execute();
            insertStep(tx.dsl(), callId, CallStep.VOICEMAIL, at);
        });
    }

    @Override
    public void offered(String callId, Instant at) {
        dsl.transaction(tx -> {
            fence.check(tx.dsl());
            int moved = tx.dsl().update(CALLS).set(CALLS.STEP, CallStep.OFFERED.code()).where(CALLS.ID.eq(callId))
                    .and(CALLS.STEP.in(CallStep.QUEUED.code(), CallStep.OFFERED.code())).execute();
            if (moved == 0 && !tx.dsl().fetchExists(CALLS, CALLS.ID.eq(callId))) {
                throw new NotYetStored("the call");
            }
            insertStep(tx.dsl(), callId, CallStep.OFFERED, at);
        });
    }

    @Override
    public void assigned(String callId, String operatorId) {
        dsl.transaction(tx -> {
            fence.check(tx.dsl());
            if (tx.dsl().update(CALLS).set(CALLS.OPERATOR_ID, operatorId).where(CALLS.ID.eq(callId)).execute() == 0) {
                throw new NotYetStored("the call");
            }
        });
    }

    @Override
    public int earlierCallsOf(String callId) {
        var call = dsl.select(CALLS.CALLER_PSEUDONYM, CALLS.CALLER_PSEUDONYM_OTHER_KEYS, CALLS.ENTERED_AT)
                .from(CALLS).where(CALLS.ID.eq(callId)).fetchOptional();
        if (call.isEmpty() || call.get().value1() == null) {
            return 0;
        }
        // The caller under every key that was live when the call came: calls made under an older key still link.
        java.util.Set<String> caller = new java.util.LinkedHashSet<>();
        caller.add(call.get().value1());
        String others = call.get().value2();
        if (others != null && !others.isBlank()) {
            caller.addAll(java.util.Arrays.asList(others.trim().split(" ")));
        }
        return dsl.fetchCount(CALLS, CALLS.CALLER_PSEUDONYM.in(caller)
                .and(CALLS.ENTERED_AT.lt(call.get().value3())));
    }

    /** The other keys' pseudonyms as stored: space-separated, as many as fit the column (current key's first). */
    private static String otherKeys(List<String> pseudonyms) {
        StringBuilder stored = new StringBuilder();
        for (String pseudonym : pseudonyms) {
            if (stored.length() + pseudonym.length() + 1 > OTHER_KEYS_WIDTH) {
                break;
            }
            stored.append(stored.isEmpty() ? "" : " ").append(pseudonym);
        }
        return stored.isEmpty() ? null : stored.toString();
    }

    @Override
    public int earlierCalls(String pseudonym, Instant before) {
        if (pseudonym == null) {
            return 0;
        }
        return dsl.fetchCount(CALLS, CALLS.CALLER_PSEUDONYM.eq(pseudonym).and(CALLS.ENTERED_AT.lt(time(before))));
    }

    @Override
    public boolean outcome(String callId, CallOutcome outcome, CallStep atStep, Instant at) {
        return dsl.transactionResult(tx -> tx.dsl().update(CALLS)
                .set(CALLS.OUTCOME, outcome.code())
                .set(CALLS.OUTCOME_STEP, atStep.code())
                .where(CALLS.ID.eq(callId)).and(CALLS.OUTCOME.isNull())
                .execute() == 1);
    }

    @Override
    public void ended(CallEnd end) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            CallsRecord call = end.callId() != null
                    ? db.selectFrom(CALLS).where(CALLS.ID.eq(end.callId())).forUpdate().fetchOne()
                    : db.selectFrom(CALLS).where(CALLS.ASTERISK_UNIQUE_ID.eq(end.asteriskUniqueId())).forUpdate()
                    .fetchOne();
            if (call == null && end.callId() != null) {
                // Our IVR named the call, so its entry is on the way (behind a busy or unreachable database).
                throw new NotYetStored("the call");
            }
            boolean answered = "ANSWER".equals(end.dialStatus());
            // A server killed just after handing a caller over, before it recorded that, has the call closed as
            // failed at its restart; Asterisk's own report that the operator answered is then the better record.
            boolean closedByRestart = call != null && CallOutcome.FAILED.code().equals(call.getOutcome());
            if (call == null || (call.getEndedAt() != null && !(answered && closedByRestart))) {
                return;
            }
            if (answered) {
                insertStep(db, call.getId(), CallStep.ANSWERED, end.endedAt());
            }
            if (answered && closedByRestart) {
                call.setOutcome(CallOutcome.ANSWERED.code());
            }
            // A call still in the IVR's hands gets its outcome from the IVR, which may finish after this handler
            // (Asterisk can run the hangup handler while the script is still seeing the hangup).
            if (call.getOutcome() == null && call.getHandedOffAt() != null) {
                call.setOutcome(outcomeAtEnd(call, end, answered).code());
                call.setOutcomeStep(call.getStep());
            }
            call.setDialStatus(end.dialStatus());
            call.setTalkSeconds(end.talkSeconds());
            call.setEndedAt(time(end.endedAt()));
            call.setStep(CallStep.ENDED.code());
            call.store();
            insertStep(db, call.getId(), CallStep.ENDED, end.endedAt());
        });
    }

    private static CallOutcome outcomeAtEnd(CallsRecord call, CallEnd end, boolean answered) {
        if (answered) {
            return CallOutcome.ANSWERED;
        }
        if (call.getHandedOffAt() != null && "CANCEL".equals(end.dialStatus())) {
            return CallOutcome.ABANDONED_IN_QUEUE;
        }
        // Handed off but not answered: the dialplan sends the caller on to the fallback queue.
        return CallOutcome.FALLBACK;
    }

    @Override
    public int closeInterrupted(Instant enteredBefore, Instant at) {
        return closeInterruptedOf(node, enteredBefore, at);
    }

    @Override
    public int closeInterruptedOf(String ivrNode, Instant enteredBefore, Instant at) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            var interrupted = db.selectFrom(CALLS)
                    .where(CALLS.IVR_NODE.eq(ivrNode).or(CALLS.IVR_NODE.isNull()))
                    .and(CALLS.OUTCOME.isNull())
                    .and(CALLS.HANDED_OFF_AT.isNull())
                    // A caller who accepted a callback has left the IVR on purpose: the callback is still owed, and
                    // its outcome comes from the callback (or from its number's retention running out).
                    .and(CALLS.STEP.ne(CallStep.CALLBACK_REQUESTED.code()))
                    .and(CALLS.ENTERED_AT.lt(time(enteredBefore)))
                    .forUpdate()
                    .fetch();
            for (CallsRecord call : interrupted) {
                call.setOutcome(CallOutcome.FAILED.code());
                call.setOutcomeStep(call.getStep());
                if (call.getEndedAt() == null) {
                    call.setEndedAt(time(at));
                }
                call.store();
            }
            return interrupted.size();
        });
    }

    @Override
    public List<CallIntake> waitingOn(java.util.Set<String> ivrNodes, Instant queuedSince) {
        return dsl.selectFrom(CALLS)
                .where(CALLS.IVR_NODE.in(ivrNodes))
                .and(CALLS.QUEUED_AT.ge(time(queuedSince)))
                .and(CALLS.HANDED_OFF_AT.isNull()).and(CALLS.OUTCOME.isNull())
                .and(CALLS.LANGUAGE_CODE.isNotNull()).and(CALLS.PURPOSE.isNotNull())
                .orderBy(CALLS.QUEUED_AT)
                .fetch(call -> new CallIntake(call.getId(), call.getAsteriskUniqueId(),
                        Language.requireCode(call.getLanguageCode()), Purpose.fromCode(call.getPurpose()),
                        Priority.fromCode(call.getPriority()), call.getCallerPseudonym(), call.getCallerCountry(),
                        java.util.Map.of(CallStep.QUEUED, call.getQueuedAt().toInstant())));
    }

    @Override
    public List<CallIntake> callbacksOwed(Instant queuedSince) {
        return dsl.selectFrom(CALLS)
                .where(CALLS.QUEUED_AT.ge(time(queuedSince)))
                .and(CALLS.HANDED_OFF_AT.isNull()).and(CALLS.OUTCOME.isNull())
                .and(CALLS.LANGUAGE_CODE.isNotNull()).and(CALLS.PURPOSE.isNotNull())
                .andExists(DSL.selectOne().from(CALL_STEPS).where(CALL_STEPS.CALL_ID.eq(CALLS.ID))
                        .and(CALL_STEPS.STEP.eq(CallStep.CALLBACK_REQUESTED.code())))
                .orderBy(CALLS.QUEUED_AT)
                .fetch(call -> new CallIntake(call.getId(), call.getAsteriskUniqueId(),
                        Language.requireCode(call.getLanguageCode()), Purpose.fromCode(call.getPurpose()),
                        Priority.fromCode(call.getPriority()), call.getCallerPseudonym(), call.getCallerCountry(),
                        java.util.Map.of(CallStep.QUEUED, call.getQueuedAt().toInstant())));
    }

    @Override
    public Optional<CallSummary> find(String callId) {
        return dsl.selectFrom(CALLS).where(CALLS.ID.eq(callId)).fetchOptional().map(JooqCallJournal::summary);
    }

    @Override
    public java.util.Map<CallOutcome, Integer> outcomesSince(Instant since) {
        java.util.Map<CallOutcome, Integer> counts = new java.util.EnumMap<>(CallOutcome.class);
        dsl.select(CALLS.OUTCOME, org.jooq.impl.DSL.count()).from(CALLS)
                .where(CALLS.ENTERED_AT.ge(time(since))).and(CALLS.OUTCOME.isNotNull())
                .groupBy(CALLS.OUTCOME)
                .forEach(r -> counts.put(CallOutcome.fromCode(r.value1()), r.value2()));
        return counts;
    }

    @Override
    public Optional<CallSummary> findByAsteriskId(String asteriskUniqueId) {
        return dsl.selectFrom(CALLS).where(CALLS.ASTERISK_UNIQUE_ID.eq(asteriskUniqueId)).fetchOptional()
                .map(JooqCallJournal::summary);
    }

    @Override
    public List<CallStep> steps(String callId) {
        return dsl.select(CALL_STEPS.STEP).from(CALL_STEPS).where(CALL_STEPS.CALL_ID.eq(callId))
                .orderBy(CALL_STEPS.ID).fetch(r -> CallStep.fromCode(r.value1()));
    }

    private static void insertStep(DSLContext db, String callId, CallStep step, Instant at) {
        db.insertInto(CALL_STEPS).set(CALL_STEPS.CALL_ID, callId).set(CALL_STEPS.STEP, step.code())
                .set(CALL_STEPS.OCCURRED_AT, time(at)).execute();
    }

    private static CallSummary summary(CallsRecord r) {
        return new CallSummary(r.getId(), r.getAsteriskUniqueId(), r.getLanguageCode(), r.getPurpose(),
                r.getPriority(), r.getCallerPseudonym(), r.getCallerCountry(), CallStep.fromCode(r.getStep()),
                r.getOutcome() == null ? null : CallOutcome.fromCode(r.getOutcome()),
                r.getOutcomeStep() == null ? null : CallStep.fromCode(r.getOutcomeStep()), r.getOperatorTarget(),
                r.getVoicemailRef(), r.getDialStatus(), r.getTalkSeconds(), instant(r.getEnteredAt()),
                instant(r.getEndedAt()));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
