package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hotline.core.bus.EscalationNeeded;

/**
 * Who honestly counts as on duty, and which emergencies have waited too long for them, with no I/O. A signed-in
 * operator whose screen has been gone longer than the reconnect grace counts as signed out: nobody sees the offers,
 * so callers must not hold for them. Within the grace (a reload, a network blip) they still count.
 */
final class OnDuty {
    private OnDuty() {
    }

    /**
     * Whether anyone who can answer is on duty: signed in, taking calls, and with a screen connected or gone for no
     * longer than the grace.
     */
    static boolean anyone(Collection<Seat> seats, Duration grace, Instant now) {
        for (Seat seat : seats) {
            if (seat.operator.takesCalls() && (seat.screenGoneAt == null || !now.isAfter(seat.screenGoneAt.plus(grace)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Emergencies that waited at least {@code after} with nobody taking them (not on offer, not being connected)
     * are escalated, each once in its life in the queue.
     */
    static void escalateLongWaits(CallQueue queue, Duration after, Instant now, List<Effect> effects) {
        for (WaitingCall call : queue.unordered()) {
            if (call.emergency() && !call.escalated && call.offeredTo == null && !now.isBefore(call.queuedAt.plus(after))) {
                call.escalated = true;
                effects.add(new Effect.Escalate(EscalationNeeded.Kind.WAITING_EMERGENCY, call.id(),
                        call.intake.language().code(), call.queuedAt));
            }
        }
    }
}
