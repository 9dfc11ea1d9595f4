package org.hotline.dispatch.routing;

import java.util.List;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.IntakeReply;
import org.hotline.core.call.CallStep;

/**
 * A held call's IVR re-sends its intake every {@code ivr.hold.reaffirm} as a reminder: an intake that carries its
 * queued time. A reminder is sent without waiting for an answer, so the reply to it reaches nobody; a refusal of a
 * reminder must also go to the call's own inbox, or its caller holds for nothing until {@code ivr.hold.max}.
 */
final class Reminders {
    private Reminders() {
    }

    /** Whether the intake is a held call's reminder rather than a new caller asking for a place. */
    static boolean isReminder(CallIntake intake) {
        return intake.steps().containsKey(CallStep.QUEUED);
    }

    /**
     * A reminder that was refused: the IVR hears the refusal on the call's inbox and takes the closed path. An IVR
     * that has moved on (handed off, left) has closed its inbox, so a refusal crossing with that changes nothing.
     */
    static void refused(CallIntake intake, IntakeReply refusal, List<Effect> effects) {
        if (isReminder(intake)) {
            effects.add(new Effect.Refuse(intake.callId(), refusal.reason()));
        }
    }
}
