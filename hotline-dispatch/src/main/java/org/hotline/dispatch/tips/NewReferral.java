package org.hotline.dispatch.tips;

import org.hotline.core.tip.ReferralService;

/** A referral asked for with a new tip: to which partner, for what, and whether the caller consented. */
record NewReferral(String partnerId, ReferralService service, boolean consent) {
}
