package org.hotline.dispatch.routing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.CallSummary;
import org.hotline.dispatch.operators.OperatorState;

/**
 * After a takeover: an operator the new routing owner restored "on call" from the database may be on a call that
 * ended while no node owned routing (its {@code CallEnded} was published to nobody). The database knows: the
 * hangup handler's report sets the call's end. Pure; the routing verticle reads the database and, for a call
 * that ended, applies the normal end ({@link Floor#callEnded}), so the operator goes to wrap-up as they would have.
 */
final class EndedMeanwhile {
    private EndedMeanwhile() {
    }

    /**
     * The calls to look up: those of seats restored on call and still on that same call. Asked again every few
     * seconds, because the end's record can lag behind (the IVR's patient writer during a database outage).
     */
    static Set<String> toCheck(Collection<Seat> seats) {
        return seats.stream()
                .filter(seat -> seat.state == OperatorState.ON_CALL && seat.callId != null
                        && seat.callId.equals(seat.resumedOnCall))
                .map(seat -> seat.callId)
                .collect(Collectors.toSet());
    }

    /**
     * Whether the stored call has ended for its operator. A callback's stored end is the caller's hangup after
     * accepting it, before anyone called back, so it says nothing about the operator's conversation: never ended
     * here (its end still arrives on the bus, or the operator presses Ready).
     */
    static boolean ended(Optional<CallSummary> call, List<CallStep> steps) {
        return call.isPresent() && call.get().endedAt() != null && !steps.contains(CallStep.CALLBACK_REQUESTED);
    }
}
