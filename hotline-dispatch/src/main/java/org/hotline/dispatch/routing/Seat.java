package org.hotline.dispatch.routing;

import java.time.Instant;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorState;

/** One signed-in operator on the floor, and what they are doing. Mutable; owned by the {@link Floor}. */
final class Seat {
    final Operator operator;
    OperatorState state = OperatorState.AWAY;
    Instant since;
    String callId;
    Instant offerDeadline;
    /**
     * Accepted, waiting for the IVR to take the hand-off ("connecting"): the state stays {@code OFFERED}, no
     * other offer comes, and the seat is held until the IVR answers, the caller goes, or {@link #handOffDeadline}.
     */
    boolean assigning;
    Instant handOffDeadline;
    /** The operator went away (or their browser did) while connecting: away, not available, if the call fails. */
    boolean awayAfterHandOff;
    Instant wrapUpUntil;

    Seat(Operator operator, Instant now) {
        this.operator = operator;
        this.since = now;
    }

    String id() {
        return operator.id();
    }

    boolean speaks(Language language) {
        return operator.languages().contains(language);
    }
}
