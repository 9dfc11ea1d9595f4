package org.hotline.dispatch.tips;

import java.time.Instant;
import java.util.Optional;
import org.hotline.dispatch.screen.SignedIn;

/** The status of referrals, with their history. Blocking: worker or virtual threads only. */
interface ReferralStore {

    /** The referral, with the author of its tip, or empty if there is no such referral. */
    Optional<Owned> find(String referralId);

    /**
     * Applies {@code change} to a referral and appends it to its history, in one transaction, under the consent
     * rule ({@link ConsentRule}); going ahead without consent on a recorded basis is audited in the same
     * transaction. Asking for the status it already has, with no due date or note, changes nothing (a retry is
     * harmless).
     *
     * @throws org.hotline.dispatch.api.ApiError 409 when the status may not change to the one asked, or the
     *                                           consent rule forbids it
     */
    StoredReferral change(String referralId, ReferralChange change, SignedIn by, Instant at);

    /** A referral and the operator who wrote its tip. */
    record Owned(StoredReferral referral, String tipAuthorId) {
    }
}
