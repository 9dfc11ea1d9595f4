package org.hotline.dispatch.partners;

import org.hotline.core.call.Language;
import org.hotline.core.tip.Country;
import org.hotline.core.tip.ReferralService;

/** A directory search; each null criterion matches every partner. */
record PartnerQuery(Country country, ReferralService service, Language language) {
}
