package org.hotline.dispatch.tips;

import java.time.Instant;
import java.time.LocalDate;
import org.hotline.core.tip.ConsentBasis;
import org.hotline.core.tip.ReferralStatus;

/**
 * One step in a referral's history; {@code from} is null for its creation. A change may carry a note and a new due
 * date, and the change that took a referral without consent past proposed carries the basis that allowed it.
 */
record StatusChange(ReferralStatus from, ReferralStatus to, Instant at, String byOperatorId, String note,
                    LocalDate dueOn, ConsentBasis consentBasis) {
}
