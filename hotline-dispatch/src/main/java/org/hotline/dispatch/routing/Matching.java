package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.OperatorState;

/**
 * Who of the {@link Floor}'s available operators is offered which waiting call. In service order, a call goes only
 * to an available operator who speaks its language, or after {@code widenAfter} (at once for emergencies) to one who
 * works with an interpreter; among those, the one available longest, and never one who declined it. One call is
 * offered to one operator at a time, so exactly one can own it.
 */
final class Matching {
    private final Duration offerTimeout;
    private final Duration widenAfter;

    Matching(Duration offerTimeout, Duration widenAfter) {
        this.offerTimeout = offerTimeout;
        this.widenAfter = widenAfter;
    }

    /** Offers each waiting call not on offer to the best available seat, if any. */
    void offerWaitingCalls(Collection<Seat> seats, CallQueue queue, Instant now, List<Effect> effects) {
        // Every event matches, and walking every waiting call across every seat held the routing event loop for
        // seconds once a burst left a queue. So first what the free seats could take at all: a call in a language
        // none of them speaks (and no free interpreter, or not yet widened) is passed over without the seat walk.
        // Offers below only shrink the free seats, so this stays a safe over-estimate for the whole walk.
        EnumSet<Language> spoken = EnumSet.noneOf(Language.class);
        boolean interpreterFree = false;
        for (Seat seat : seats) {
            if (seat.state == OperatorState.AVAILABLE && seat.operator.takesCalls()) {
                spoken.addAll(seat.operator.languages());
                interpreterFree |= seat.operator.interpreter();
            }
        }
        if (spoken.isEmpty() && !interpreterFree) {
            return;
        }
        for (WaitingCall call : queue.inServiceOrder()) {
            if (call.offeredTo != null) {
                continue;
            }
            Seat best = null;
            boolean widened = call.emergency() || !now.isBefore(call.queuedAt.plus(widenAfter));
            if (!spoken.contains(call.intake.language()) && !(widened && interpreterFree)) {
                continue;
            }
            for (Seat seat : seats) {
                if (seat.state != OperatorState.AVAILABLE || !seat.operator.takesCalls()
                        || call.declinedBy.contains(seat.id())) {
                    continue;
                }
                boolean eligible = seat.speaks(call.intake.language()) || (widened && seat.operator.interpreter());
                if (eligible && (best == null || seat.since.isBefore(best.since))) {
                    best = seat;
                }
            }
            if (best != null) {
                offer(best, call, now, effects);
            }
        }
    }

    private void offer(Seat seat, WaitingCall call, Instant now, List<Effect> effects) {
        call.offeredTo = seat.id();
        seat.offerDeadline = now.plus(offerTimeout);
        seat.change(OperatorState.OFFERED, call.id(), "offer", now, effects);
        effects.add(new Effect.Offer(seat.id(), call.id(), seat.offerDeadline.toEpochMilli(),
                !seat.speaks(call.intake.language())));
    }
}
