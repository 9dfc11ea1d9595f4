package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.dispatch.operators.OperatorState;

/**
 * Wrap-up decisions for one seat, with no I/O. Wrap-up lasts until the operator says they are ready or saves the
 * tip of that very call; its planned length ({@code dispatch.wrap-up}) is shown and can be extended, and ends
 * nothing: an operator still typing must never be made available (and offered a call) behind their back.
 */
final class WrapUp {
    private WrapUp() {
    }

    /** The seat goes to wrap-up after {@code callId}, planned to last {@code planned} from now. */
    static void begin(Seat seat, String callId, String reason, Duration planned, Instant now, List<Effect> effects) {
        seat.wrapUpSince = now;
        seat.wrapUpUntil = now.plus(planned);
        seat.change(OperatorState.WRAP_UP, callId, reason, now, effects);
    }

    /** The planned end moves on by {@code planned} from now, or from the planned end if still ahead. */
    static void extend(Seat seat, Duration planned, Instant now, List<Effect> effects) {
        if (seat.state != OperatorState.WRAP_UP) {
            return;
        }
        Instant from = seat.wrapUpUntil == null || seat.wrapUpUntil.isBefore(now) ? now : seat.wrapUpUntil;
        seat.wrapUpUntil = from.plus(planned);
        effects.add(new Effect.State(seat.id(), OperatorState.WRAP_UP, seat.callId, "wrap-up-extended"));
    }

    /** Whether a saved tip of {@code callId} ends this seat's wrap-up: only the tip of the call just ended does. */
    static boolean endedByTip(Seat seat, String callId) {
        return seat.state == OperatorState.WRAP_UP && callId != null && callId.equals(seat.callId);
    }
}
