package org.hotline.dispatch.tips;

import java.util.Set;
import org.hotline.core.tip.CallerType;
import org.hotline.core.tip.Consent;
import org.hotline.core.tip.ContactType;
import org.hotline.core.tip.ControlMethod;
import org.hotline.core.tip.ExploitationForm;
import org.hotline.core.tip.LawEnforcementReport;
import org.hotline.core.tip.Recruitment;
import org.hotline.core.tip.Signal;
import org.hotline.core.tip.TraffickingType;
import org.hotline.core.tip.Urgency;
import org.hotline.dispatch.guidance.DangerAssessment;

/**
 * What a tip records, validated: every field but the summary is a choice from a list, and unknown choices are
 * null. The summary is free text that only permitted roles ever see.
 *
 * @param callId the call the tip came from, or null
 * @param danger the danger assessment asked during the call (empty when none was asked); the urgency and the
 *               imminent-danger flag already include what it calls for
 */
record TipContent(String callId, ContactType contactType, Signal signal, CallerType callerType,
                  TraffickingType traffickingType, ExploitationForm form, Recruitment recruitment,
                  Set<ControlMethod> control, Place place, Victims victims, Urgency urgency, boolean imminentDanger,
                  Consent consent, LawEnforcementReport lawEnforcement, String summary, DangerAssessment danger) {
    TipContent {
        control = Set.copyOf(control);
        danger = danger == null ? DangerAssessment.none() : danger;
    }

    /** The summary must never reach a log line through a record's generated {@code toString}. */
    @Override
    public String toString() {
        return "TipContent[callId=" + callId + ", contactType=" + contactType + ", summary=(hidden)]";
    }
}
