package org.hotline.dispatch.tips;

import java.util.EnumSet;
import java.util.Set;
import org.hotline.core.tip.ConsentBasis;
import org.hotline.core.tip.ReferralStatus;
import org.hotline.dispatch.api.ApiError;

/**
 * The consent rule, as a pure decision: a referral the caller did not consent to may not be sent, accepted or
 * completed, unless a basis that allows it (such as imminent danger) is recorded with a note. A basis recorded
 * once covers the referral's later steps. Declining and withdrawing need no consent.
 */
final class ConsentRule {
    /** The statuses that pass the caller's information on to the partner. */
    static final Set<ReferralStatus> GOING_AHEAD = EnumSet.of(ReferralStatus.SENT, ReferralStatus.ACCEPTED,
            ReferralStatus.COMPLETED);
    static final String REFUSED = "Consent rule: the caller did not consent to this referral, so it cannot be sent,"
            + " accepted or completed. Record the basis that allows it (such as imminent danger) and a note, or"
            + " withdraw it.";
    static final String NOTE_NEEDED = "Consent rule: going ahead without the caller's consent needs a note saying"
            + " why the basis applies.";

    private ConsentRule() {
    }

    /**
     * Decides a change of a referral.
     *
     * @param consent  whether the caller consented to the referral
     * @param recorded the basis already recorded on the referral, or null
     * @param change   what is asked
     * @return the basis to record now with this change, or null when none is to be recorded
     * @throws ApiError 409 naming the rule when the change needs a basis and none is given; 400 on the note field
     *                  when a basis comes without a note
     */
    static ConsentBasis decide(boolean consent, ConsentBasis recorded, ReferralChange change) {
        if (consent || recorded != null || !GOING_AHEAD.contains(change.to())) {
            return null;
        }
        if (change.consentBasis() == null) {
            throw ApiError.conflict("consentBasis", REFUSED);
        }
        if (change.note() == null) {
            throw ApiError.badRequest("note", NOTE_NEEDED);
        }
        return change.consentBasis();
    }
}
