package org.hotline.dispatch.hours;

import java.time.Instant;
import java.util.Optional;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.IntakeReply;
import org.hotline.core.call.CallStep;

/**
 * The routing owner's opening-hours decision for one intake. Pure.
 *
 * <p>Only new callers are refused: a call queued before closing time (its intake carries its queued time, as a
 * reminder to a new routing owner does) keeps its place, and operators still signed in may answer it. A caller
 * arriving outside the hours is refused even with operators signed in, so the IVR tells them when the hotline opens.
 */
public final class AfterHours {
    private AfterHours() {
    }

    /** The refusal for {@code intake} at {@code now}, or empty when routing should queue it as usual. */
    public static Optional<IntakeReply> refusal(OpeningHours hours, CallIntake intake, boolean alreadyQueued,
                                                Instant now) {
        if (hours == null || alreadyQueued || intake.steps().containsKey(CallStep.QUEUED) || hours.isOpen(now)) {
            return Optional.empty();
        }
        return Optional.of(IntakeReply.closed(hours.nextOpening(now).map(hours::announcedOpening).orElse(null)));
    }
}
