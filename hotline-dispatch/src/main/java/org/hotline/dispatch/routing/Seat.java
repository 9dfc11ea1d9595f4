package org.hotline.dispatch.routing;

import java.time.Instant;
import java.util.List;
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
    /** Wrap-up: since when, and its planned end (which ends nothing by itself). */
    Instant wrapUpSince;
    Instant wrapUpUntil;
    /** When a dropped connection set this operator away from taking calls; null otherwise. */
    Instant droppedAt;
    /**
     * When the operator's screen went away, whatever they were doing; null while it is connected. Past the
     * reconnect grace they no longer count as on duty.
     */
    Instant screenGoneAt;
    /** On a callback call: the kept number's opaque id until the callback connected or ended; null otherwise. */
    String callbackId;
    /** The callback's outbound call is being made (Call back pressed, no result yet). */
    boolean callbackDialing;
    /**
     * The call a new routing owner restored this operator on (from the database): its end may have been published
     * while no node owned routing, so the owner asks the database until it hears of the end (see {@link EndedMeanwhile}).
     */
    String resumedOnCall;

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

    /** Accepted and waiting for the IVR to take the hand-off of {@code call}. */
    boolean connectingTo(String call) {
        return assigning && call.equals(callId);
    }

    /** Moves to {@code next} (with the call it concerns, if any) and reports it. */
    void change(OperatorState next, String call, String reason, Instant now, List<Effect> effects) {
        state = next;
        callId = call;
        since = now;
        effects.add(new Effect.State(id(), next, call, reason));
    }

    /** An offer or a hand-off that will not happen: off the screen, and the operator takes calls again (or is away). */
    void free(String reason, Instant now, List<Effect> effects) {
        OperatorState next = awayAfterHandOff ? OperatorState.AWAY : OperatorState.AVAILABLE;
        assigning = false;
        awayAfterHandOff = false;
        effects.add(new Effect.Withdraw(id(), callId, reason));
        change(next, null, reason, now, effects);
    }
}
