package org.hotline.dispatch.tips;

import java.time.Instant;
import org.hotline.core.tip.ReferralStatus;

/** One step in a referral's history; {@code from} is null for its creation. */
record StatusChange(ReferralStatus from, ReferralStatus to, Instant at, String byOperatorId) {
}
