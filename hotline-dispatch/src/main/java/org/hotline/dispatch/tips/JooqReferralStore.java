package org.hotline.dispatch.tips;

import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.dispatch.tips.TipRecords.time;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.hotline.core.tip.ConsentBasis;
import org.hotline.core.tip.ReferralStatus;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.DSLContext;
import org.jooq.Record3;

/** {@link ReferralStore} over jOOQ, with explicit transactions. */
final class JooqReferralStore implements ReferralStore {
    private final DSLContext dsl;

    JooqReferralStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<Owned> find(String referralId) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            return TipRecords.referrals(db, REFERRALS.ID.eq(referralId)).stream().findFirst()
                    .map(referral -> new Owned(referral, db.select(TIPS.OPERATOR_ID).from(TIPS)
                            .where(TIPS.ID.eq(referral.tipId())).fetchSingle(TIPS.OPERATOR_ID)));
        });
    }

    @Override
    public StoredReferral change(String referralId, ReferralChange change, SignedIn by, Instant at) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            // Locked, so two people changing the same referral at once take turns and both see a valid history.
            Record3<String, Boolean, String> stored = db.select(REFERRALS.STATUS, REFERRALS.CONSENT,
                            REFERRALS.CONSENT_BASIS).from(REFERRALS).where(REFERRALS.ID.eq(referralId))
                    .forUpdate().fetchOptional()
                    .orElseThrow(() -> ApiError.notFound("There is no such referral."));
            ReferralStatus current = TipRecords.choice(ReferralStatus.class, stored.value1());
            ReferralStatus to = change.to();
            if (current == to && !change.hasDetails()) {
                return TipRecords.referrals(db, REFERRALS.ID.eq(referralId)).getFirst();
            }
            if (current != to && !current.canChangeTo(to)) {
                throw ApiError.conflict("A " + current.label().toLowerCase(Locale.ROOT)
                        + " referral cannot become " + to.label().toLowerCase(Locale.ROOT) + ".");
            }
            ConsentBasis basis = ConsentRule.decide(stored.value2(),
                    TipRecords.choice(ConsentBasis.class, stored.value3()), change);
            var update = db.update(REFERRALS).set(REFERRALS.STATUS, to.code());
            if (current != to) {
                update = update.set(REFERRALS.STATUS_CHANGED_AT, time(at));
            }
            if (change.dueOn() != null) {
                update = update.set(REFERRALS.DUE_ON, change.dueOn());
            }
            if (basis != null) {
                update = update.set(REFERRALS.CONSENT_BASIS, basis.code());
            }
            update.where(REFERRALS.ID.eq(referralId)).and(REFERRALS.STATUS.eq(current.code())).execute();
            db.insertInto(REFERRAL_STATUS_CHANGES)
                    .set(REFERRAL_STATUS_CHANGES.REFERRAL_ID, referralId)
                    .set(REFERRAL_STATUS_CHANGES.FROM_STATUS, current.code())
                    .set(REFERRAL_STATUS_CHANGES.TO_STATUS, to.code())
                    .set(REFERRAL_STATUS_CHANGES.CHANGED_AT, time(at))
                    .set(REFERRAL_STATUS_CHANGES.CHANGED_BY, by.operatorId())
                    .set(REFERRAL_STATUS_CHANGES.NOTE, change.note())
                    .set(REFERRAL_STATUS_CHANGES.DUE_ON, change.dueOn())
                    .set(REFERRAL_STATUS_CHANGES.CONSENT_BASIS, TipRecords.code(basis))
                    .execute();
            if (basis != null) {
                // In the change's own transaction: the exception is never made without its audit row.
                new JooqAuditTrail(db).record(AuditEvent.by(at, by.operatorId(), by.role(),
                        AuditAction.REFERRAL_SENT_WITHOUT_CONSENT, referralId));
            }
            return TipRecords.referrals(db, REFERRALS.ID.eq(referralId)).getFirst();
        });
    }
}
