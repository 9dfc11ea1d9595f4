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
    boolean assigning;
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
