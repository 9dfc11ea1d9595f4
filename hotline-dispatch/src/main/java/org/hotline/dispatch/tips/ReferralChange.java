package org.hotline.dispatch.tips;

import java.time.LocalDate;
import org.hotline.core.tip.ConsentBasis;
import org.hotline.core.tip.ReferralStatus;

/**
 * What a person asks of a referral from the screen: a status (the same one to only set a due date or add a note),
 * optionally a new due date and a note, and the basis that allows going ahead without the caller's consent.
 */
record ReferralChange(ReferralStatus to, LocalDate dueOn, String note, ConsentBasis consentBasis) {
    /** Whether the change asks for more than the status it names (so even a repeat of that status is recorded). */
    boolean hasDetails() {
        return dueOn != null || note != null;
    }
}
