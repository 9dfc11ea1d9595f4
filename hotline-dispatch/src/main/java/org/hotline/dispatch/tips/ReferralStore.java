package org.hotline.dispatch.tips;

import java.time.Instant;
import java.util.Optional;
import org.hotline.core.tip.ReferralStatus;

/** The status of referrals, with their history. Blocking: worker or virtual threads only. */
interface ReferralStore {

    /** The referral, with the author of its tip, or empty if there is no such referral. */
    Optional<Owned> find(String referralId);

    /**
     * Moves a referral to {@code to} and appends the change to its history, in one transaction. Asking for the
     * status it already has changes nothing (a retry is harmless).
     *
     * @throws org.hotline.dispatch.api.ApiError 409 when the status may not change to {@code to}
     */
    StoredReferral changeStatus(String referralId, ReferralStatus to, String byOperatorId, Instant at);

    /** A referral and the operator who wrote its tip. */
    record Owned(StoredReferral referral, String tipAuthorId) {
    }
}
