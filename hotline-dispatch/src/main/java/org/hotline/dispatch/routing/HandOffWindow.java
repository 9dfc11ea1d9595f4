package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an accepted operator is held for the IVR to take the hand-off. {@code backstop} must outlast the IVR's
 * longest prompt (it hears the accept only between prompts); it passes only when the IVR never answers. The IVR
 * may take the assignment until {@code margin} before the backstop, so a "taken" is back before dispatch gives up.
 *
 * @param backstop how long after the accept dispatch gives the operator back if the IVR has not answered
 * @param margin   how long before the backstop the IVR stops taking the assignment; {@link RoutingConfig} checks it
 *                 is below the backstop
 */
record HandOffWindow(Duration backstop, Duration margin) {

    /** When dispatch gives up on an assignment made at {@code acceptedAt}. */
    Instant giveUpAt(Instant acceptedAt) {
        return acceptedAt.plus(backstop);
    }

    /** The last moment the IVR may take an assignment made at {@code acceptedAt}. */
    Instant takeBy(Instant acceptedAt) {
        return giveUpAt(acceptedAt).minus(margin);
    }
}
