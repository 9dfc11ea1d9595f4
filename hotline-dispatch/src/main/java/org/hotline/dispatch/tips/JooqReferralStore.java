package org.hotline.dispatch.tips;

import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.dispatch.tips.TipRecords.time;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.hotline.core.tip.ReferralStatus;
import org.hotline.dispatch.api.ApiError;
import org.jooq.DSLContext;

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
    public StoredReferral changeStatus(String referralId, ReferralStatus to, String byOperatorId, Instant at) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            // Locked, so two people changing the same referral at once take turns and both see a valid history.
            String stored = db.select(REFERRALS.STATUS).from(REFERRALS).where(REFERRALS.ID.eq(referralId))
                    .forUpdate().fetchOptional(REFERRALS.STATUS)
                    .orElseThrow(() -> ApiError.notFound("There is no such referral."));
            ReferralStatus current = TipRecords.choice(ReferralStatus.class, stored);
            if (current != to) {
                if (!current.canChangeTo(to)) {
                    throw ApiError.conflict("A " + current.label().toLowerCase(Locale.ROOT)
                            + " referral cannot become " + to.label().toLowerCase(Locale.ROOT) + ".");
                }
                db.update(REFERRALS).set(REFERRALS.STATUS, to.code()).set(REFERRALS.STATUS_CHANGED_AT, time(at))
                        .where(REFERRALS.ID.eq(referralId)).and(REFERRALS.STATUS.eq(current.code())).execute();
                db.insertInto(REFERRAL_STATUS_CHANGES)
                        .set(REFERRAL_STATUS_CHANGES.REFERRAL_ID, referralId)
                        .set(REFERRAL_STATUS_CHANGES.FROM_STATUS, current.code())
                        .set(REFERRAL_STATUS_CHANGES.TO_STATUS, to.code())
                        .set(REFERRAL_STATUS_CHANGES.CHANGED_AT, time(at))
                        .set(REFERRAL_STATUS_CHANGES.CHANGED_BY, byOperatorId)
                        .execute();
            }
            return TipRecords.referrals(db, REFERRALS.ID.eq(referralId)).getFirst();
        });
    }
}
