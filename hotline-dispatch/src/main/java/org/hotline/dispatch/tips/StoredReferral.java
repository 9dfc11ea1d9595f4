package org.hotline.dispatch.tips;

import java.util.List;
import org.hotline.core.tip.ReferralService;
import org.hotline.core.tip.ReferralStatus;

/** A referral as stored, with its partner's name and country and its status history, oldest first. */
record StoredReferral(String id, String tipId, String partnerId, String partnerName, String partnerCountry,
                      ReferralService service, boolean consent, boolean crossBorder, ReferralStatus status,
                      List<StatusChange> history) {
    StoredReferral {
        history = List.copyOf(history);
    }
}
