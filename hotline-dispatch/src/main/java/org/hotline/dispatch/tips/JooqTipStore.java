package org.hotline.dispatch.tips;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.core.db.Tables.PARTNERS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.core.db.Tables.TIP_DRAFTS;
import static org.hotline.core.db.Tables.VOICEMAIL_TASKS;
import static org.hotline.dispatch.tips.TipRecords.choice;
import static org.hotline.dispatch.tips.TipRecords.code;
import static org.hotline.dispatch.tips.TipRecords.time;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.tip.ContactType;
import org.hotline.core.tip.Country;
import org.hotline.core.tip.ReferralStatus;
import org.hotline.core.tip.Region;
import org.hotline.core.tip.Signal;
import org.hotline.core.tip.TraffickingType;
import org.hotline.core.tip.Urgency;
import org.hotline.dispatch.api.ApiError;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

/** {@link TipStore} over jOOQ, with explicit transactions. */
final class JooqTipStore implements TipStore {
    /** Said to a second tip for a call that already has one. */
    static final String ONE_PER_CALL = "A tip for this call is already saved (perhaps from another tab). "
            + "Each call has one tip; open it from your tips to see it.";

    private final DSLContext dsl;

    JooqTipStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public SaveResult save(NewTip tip, String operatorId, Instant at) {
        try {
            return dsl.transactionResult(tx -> insertOrRepeat(tx.dsl(), tip, operatorId, at));
        } catch (DataAccessException e) {
            if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw e;
            }
            // The same id submitted twice at once (a double click): the other submission committed first. Or
            // another tip for the same call (a second tab with its own form) committed first: one tip per call.
            Optional<StoredTip> same = find(tip.id());
            if (same.isPresent()) {
                return repeat(same.get(), operatorId);
            }
            String callId = tip.content().callId();
            if (callId != null && tipOfCall(dsl, callId).isPresent()) {
                throw ApiError.conflict(ONE_PER_CALL);
            }
            throw e;
        }
    }

    private SaveResult insertOrRepeat(DSLContext db, NewTip tip, String operatorId, Instant at) {
        Optional<StoredTip> existing = TipRecords.find(db, tip.id());
        if (existing.isPresent()) {
            return repeat(existing.get(), operatorId);
        }
        TipContent content = tip.content();
        if (content.callId() != null && !handled(db, content.callId(), operatorId)) {
            if (awaitingAssignment(db, content.callId())) {
                throw ApiError.notYet("The call is still being recorded. Save again in a moment.");
            }
            throw ApiError.badRequest("callId", "The tip's call is not one you handled.");
        }
        if (content.callId() != null && tipOfCall(db, content.callId()).isPresent()) {
            throw ApiError.conflict(ONE_PER_CALL);
        }
        Map<String, String> partnerCountries = partnerCountries(db, tip.referrals());
        insertTip(db, tip.id(), content, operatorId, at);
        DangerAnswers.insert(db, tip.id(), content.danger());
        if (content.callId() != null) {
            // The draft has become the tip: no tab may bring it back.
            db.deleteFrom(TIP_DRAFTS).where(TIP_DRAFTS.CALL_ID.eq(content.callId())).execute();
        }
        for (int i = 0; i < tip.referrals().size(); i++) {
            NewReferral referral = tip.referrals().get(i);
            // A referral is cross-border when the partner works in another country than the situation's.
            boolean crossBorder = !partnerCountries.get(referral.partnerId()).equals(content.place().country().code());
            insertReferral(db, tip.id(), i, referral, crossBorder, operatorId, at);
        }
        return new SaveResult(TipRecords.find(db, tip.id()).orElseThrow(), true);
    }

    /** A repeat of a saved id: the stored tip for its author; anyone else learns only that the id is taken. */
    private static SaveResult repeat(StoredTip stored, String operatorId) {
        if (!stored.operatorId().equals(operatorId)) {
            throw ApiError.conflict("This tip id is already in use; reload the form.");
        }
        return new SaveResult(stored, false);
    }

    /** The id of the tip already saved for a call, if any (there is at most one: {@code uq_tips_call}). */
    static Optional<String> tipOfCall(DSLContext db, String callId) {
        return db.select(TIPS.ID).from(TIPS).where(TIPS.CALL_ID.eq(callId)).fetchOptional(TIPS.ID);
    }

    /** The operator took the call, or holds its voice message. */
    static boolean handled(DSLContext db, String callId, String operatorId) {
        return db.fetchExists(DSL.selectOne().from(CALLS).where(CALLS.ID.eq(callId)).and(
                CALLS.OPERATOR_ID.eq(operatorId).or(DSL.exists(DSL.selectOne().from(VOICEMAIL_TASKS)
                        .where(VOICEMAIL_TASKS.CALL_ID.eq(CALLS.ID))
                        .and(VOICEMAIL_TASKS.CLAIMED_BY.eq(operatorId))))));
    }

    /**
     * A call handed to an operator (answered, or still going on) with no operator recorded yet: routing records
     * who took a call after the hand-off, off the operator's path, and waits for the IVR's entry of the call, so
     * right after a database outage a tip can arrive first. A call still in the queue is nobody's yet: 400.
     */
    static boolean awaitingAssignment(DSLContext db, String callId) {
        return db.fetchExists(CALLS, CALLS.ID.eq(callId).and(CALLS.OPERATOR_ID.isNull())
                .and(CALLS.HANDED_OFF_AT.isNotNull())
                .and(CALLS.OUTCOME.isNull().or(CALLS.OUTCOME.eq(CallOutcome.ANSWERED.code()))));
    }

    private static Map<String, String> partnerCountries(DSLContext db, List<NewReferral> referrals) {
        Map<String, String> countries = db.select(PARTNERS.ID, PARTNERS.COUNTRY).from(PARTNERS)
                .where(PARTNERS.ID.in(referrals.stream().map(NewReferral::partnerId).toList()))
                .fetchMap(PARTNERS.ID, PARTNERS.COUNTRY);
        for (int i = 0; i < referrals.size(); i++) {
            if (!countries.containsKey(referrals.get(i).partnerId())) {
                throw ApiError.badRequest("referrals[" + i + "].partnerId", "This partner is not in the directory.");
            }
        }
        return countries;
    }

    private static void insertTip(DSLContext db, String tipId, TipContent c, String operatorId, Instant at) {
        Place place = c.place();
        Victims victims = c.victims();
        db.insertInto(TIPS)
                .set(TIPS.ID, tipId)
                .set(TIPS.OPERATOR_ID, operatorId)
                .set(TIPS.CALL_ID, c.callId())
                .set(TIPS.CREATED_AT, time(at))
                .set(TIPS.CONTACT_TYPE, code(c.contactType()))
                .set(TIPS.SIGNAL_TYPE, code(c.signal()))
                .set(TIPS.CALLER_TYPE, code(c.callerType()))
                .set(TIPS.TRAFFICKING_TYPE, code(c.traffickingType()))
                .set(TIPS.EXPLOITATION_FORM, code(c.form()))
                .set(TIPS.RECRUITMENT, code(c.recruitment()))
                .set(TIPS.CONTROL_METHODS, TipRecords.controlCodes(c.control()))
                .set(TIPS.COUNTRY, code(place.country()))
                .set(TIPS.REGION, code(place.region()))
                .set(TIPS.ORIGIN_COUNTRY, code(place.origin()))
                .set(TIPS.TRANSIT_COUNTRY, code(place.transit()))
                .set(TIPS.DESTINATION_COUNTRY, code(place.destination()))
                .set(TIPS.CROSS_BORDER, place.crossBorder())
                .set(TIPS.VICTIMS_COUNT, victims.count())
                .set(TIPS.VICTIMS_MINORS, victims.minors())
                .set(TIPS.VICTIMS_FEMALE, victims.female())
                .set(TIPS.VICTIMS_MALE, victims.male())
                .set(TIPS.VICTIMS_OTHER_GENDER, victims.otherGender())
                .set(TIPS.URGENCY, code(c.urgency()))
                .set(TIPS.IMMINENT_DANGER, c.imminentDanger())
                .set(TIPS.CONSENT, code(c.consent()))
                .set(TIPS.LAW_ENFORCEMENT, code(c.lawEnforcement()))
                .set(TIPS.SUMMARY, c.summary())
                .execute();
    }

    private static void insertReferral(DSLContext db, String tipId, int position, NewReferral referral,
                                       boolean crossBorder, String operatorId, Instant at) {
        String id = UUID.randomUUID().toString();
        db.insertInto(REFERRALS)
                .set(REFERRALS.ID, id)
                .set(REFERRALS.TIP_ID, tipId)
                .set(REFERRALS.PARTNER_ID, referral.partnerId())
                .set(REFERRALS.SERVICE, referral.service().code())
                .set(REFERRALS.CONSENT, referral.consent())
                .set(REFERRALS.CROSS_BORDER, crossBorder)
                .set(REFERRALS.STATUS, ReferralStatus.PROPOSED.code())
                .set(REFERRALS.CREATED_AT, time(at))
                .set(REFERRALS.STATUS_CHANGED_AT, time(at))
                .set(REFERRALS.POSITION_IN_TIP, position)
                .execute();
        db.insertInto(REFERRAL_STATUS_CHANGES)
                .set(REFERRAL_STATUS_CHANGES.REFERRAL_ID, id)
                .set(REFERRAL_STATUS_CHANGES.TO_STATUS, ReferralStatus.PROPOSED.code())
                .set(REFERRAL_STATUS_CHANGES.CHANGED_AT, time(at))
                .set(REFERRAL_STATUS_CHANGES.CHANGED_BY, operatorId)
                .execute();
    }

    @Override
    public Optional<StoredTip> find(String tipId) {
        return dsl.transactionResult(tx -> TipRecords.find(tx.dsl(), tipId));
    }

    @Override
    public List<TipRow> list(TipQuery q) {
        Condition where = DSL.noCondition();
        if (q.operatorId() != null) {
            where = where.and(TIPS.OPERATOR_ID.eq(q.operatorId()));
        }
        if (q.from() != null) {
            where = where.and(TIPS.CREATED_AT.ge(time(q.from())));
        }
        if (q.until() != null) {
            where = where.and(TIPS.CREATED_AT.lt(time(q.until())));
        }
        if (q.signal() != null) {
            where = where.and(TIPS.SIGNAL_TYPE.eq(q.signal().code()));
        }
        if (q.traffickingType() != null) {
            where = where.and(TIPS.TRAFFICKING_TYPE.eq(q.traffickingType().code()));
        }
        if (q.country() != null) {
            where = where.and(TIPS.COUNTRY.eq(q.country().code()));
        }
        if (q.urgency() != null) {
            where = where.and(TIPS.URGENCY.eq(q.urgency().code()));
        }
        Field<Integer> referrals = DSL.field(DSL.selectCount().from(REFERRALS).where(REFERRALS.TIP_ID.eq(TIPS.ID)));
        // The summary is deliberately not selected: list rows never carry it.
        return dsl.select(TIPS.ID, TIPS.OPERATOR_ID, OPERATORS.DISPLAY_NAME, TIPS.CREATED_AT, TIPS.CALL_ID,
                        TIPS.CONTACT_TYPE, TIPS.SIGNAL_TYPE, TIPS.TRAFFICKING_TYPE, TIPS.COUNTRY, TIPS.REGION,
                        TIPS.URGENCY, TIPS.IMMINENT_DANGER, TIPS.CROSS_BORDER, TIPS.VICTIMS_COUNT, TIPS.VICTIMS_MINORS,
                        referrals)
                .from(TIPS).join(OPERATORS).on(OPERATORS.ID.eq(TIPS.OPERATOR_ID))
                .where(where)
                .orderBy(TIPS.CREATED_AT.desc(), TIPS.ID)
                .limit(q.limit())
                .fetch(r -> new TipRow(r.get(TIPS.ID), r.get(TIPS.OPERATOR_ID), r.get(OPERATORS.DISPLAY_NAME),
                        r.get(TIPS.CREATED_AT).toInstant(), r.get(TIPS.CALL_ID),
                        choice(ContactType.class, r.get(TIPS.CONTACT_TYPE)),
                        choice(Signal.class, r.get(TIPS.SIGNAL_TYPE)),
                        choice(TraffickingType.class, r.get(TIPS.TRAFFICKING_TYPE)),
                        choice(Country.class, r.get(TIPS.COUNTRY)), choice(Region.class, r.get(TIPS.REGION)),
                        choice(Urgency.class, r.get(TIPS.URGENCY)), r.get(TIPS.IMMINENT_DANGER),
                        r.get(TIPS.CROSS_BORDER), r.get(TIPS.VICTIMS_COUNT), r.get(TIPS.VICTIMS_MINORS),
                        r.get(referrals)));
    }
}
