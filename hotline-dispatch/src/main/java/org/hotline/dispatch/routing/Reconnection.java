package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.dispatch.operators.OperatorState;

/**
 * What a dropped screen connection does to a seat, with no I/O. An operator taking calls (available, or offered
 * one) whose screen drops is set away, so no call waits on a screen nobody sees; back within the grace, they are
 * available again ("restored"); later, they stay away and are told why ("disconnected"). A call or a wrap-up goes
 * on whatever the connection does.
 */
final class Reconnection {
    /** Why an operator is available again after a dropped connection. */
    static final String RESTORED = "restored";
    /** Why an operator is away: their screen dropped (and, once back, was gone longer than the grace). */
    static final String DISCONNECTED = "disconnected";

    private Reconnection() {
    }

    /** The seat's screen dropped while it took calls: away, remembering when. */
    static void dropped(Seat seat, Instant now, List<Effect> effects) {
        seat.change(OperatorState.AWAY, null, DISCONNECTED, now, effects);
        seat.droppedAt = now;
    }

    /**
     * The seat's screen is back: says what its state is now and why. Returns true when the seat takes calls again
     * (the floor then offers it what waits).
     */
    static boolean back(Seat seat, Duration grace, Instant now, List<Effect> effects) {
        Instant dropped = seat.droppedAt;
        seat.droppedAt = null;
        if (dropped == null || seat.state != OperatorState.AWAY) {
            effects.add(new Effect.State(seat.id(), seat.state, seat.callId, "reconnected"));
            return false;
        }
        if (!grace.isZero() && !now.isAfter(dropped.plus(grace))) {
            seat.change(OperatorState.AVAILABLE, null, RESTORED, now, effects);
            return true;
        }
        effects.add(new Effect.State(seat.id(), seat.state, null, DISCONNECTED));
        return false;
    }
}
