package org.hotline.dispatch.tips;

import java.time.Instant;
import org.hotline.core.tip.ContactType;
import org.hotline.core.tip.Country;
import org.hotline.core.tip.Region;
import org.hotline.core.tip.Signal;
import org.hotline.core.tip.TraffickingType;
import org.hotline.core.tip.Urgency;

/** One line of the tip list. There is no summary here, whoever asks. */
record TipRow(String id, String operatorId, String operatorName, Instant createdAt, String callId,
              ContactType contactType, Signal signal, TraffickingType traffickingType, Country country, Region region,
              Urgency urgency, boolean imminentDanger, boolean crossBorder, Integer victimsCount, Boolean minors,
              int referrals) {
}
