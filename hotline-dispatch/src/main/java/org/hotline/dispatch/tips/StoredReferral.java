package org.hotline.dispatch.tips;

import java.time.LocalDate;
import java.util.List;
import org.hotline.core.tip.ConsentBasis;
import org.hotline.core.tip.ReferralService;
import org.hotline.core.tip.ReferralStatus;

/**
 * A referral as stored, with its partner's name and country and its status history, oldest first. {@code dueOn}
 * is the due date set on it (null: the default after it was made); {@code consentBasis} is the recorded basis
 * that let it go ahead without the caller's consent, if any.
 */
record StoredReferral(String id, String tipId, String partnerId, String partnerName, String partnerCountry,
                      ReferralService service, boolean consent, boolean crossBorder, ReferralStatus status,
                      LocalDate dueOn, ConsentBasis consentBasis, List<StatusChange> history) {
    StoredReferral {
        history = List.copyOf(history);
    }
}
