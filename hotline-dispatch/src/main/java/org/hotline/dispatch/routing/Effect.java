package org.hotline.dispatch.routing;

import org.hotline.dispatch.operators.OperatorState;

/** Something the floor decided that the outside world must hear about. The floor itself does no I/O. */
sealed interface Effect {
    /** Offer a call to an operator's screen; {@code interpreter} when they take it through their interpreter. */
    record Offer(String operatorId, String callId, long expiresAt, boolean interpreter) implements Effect {
    }

    /** Take an offer off an operator's screen. */
    record Withdraw(String operatorId, String callId, String reason) implements Effect {
    }

    /** An operator's state changed (record it, show it). */
    record State(String operatorId, OperatorState state, String callId, String reason) implements Effect {
    }

    /**
     * Ask the waiting IVR to hand the caller to this operator's phone if it reads this by {@code takeBy} (epoch
     * millis), and tell the operator's screen the call is connecting.
     */
    record Assign(String operatorId, String callId, String endpoint, long takeBy) implements Effect {
    }

    /** The caller is now with the operator. */
    record Connected(String operatorId, String callId) implements Effect {
    }

    /** Tell a waiting IVR that nobody can take the call any more. */
    /** A colleague took the call over by a warm transfer: their screen shows it as their call. */
    record TakenOver(String operatorId, String callId) implements Effect {
    }

    record Refuse(String callId, String reason) implements Effect {
    }

    /** The on-call duty person took the call: tell its IVR to put the caller into the call's room. */
    record ToRoom(String callId) implements Effect {
    }

    /**
     * The operator took a callback: no IVR to hand off to; they are on the call and may press Call back (the call
     * id only goes to the screen).
     */
    record CallbackTaken(String operatorId, String callId) implements Effect {
    }

    /** The operator pressed Call back: ask call control to ring them and dial the kept number. */
    record DialCallback(String operatorId, String callId, String callbackId, String endpoint) implements Effect {
    }

    /** Tell the operator's screen how their callback is going. */
    record CallbackState(String operatorId, String callId, String state, int attempts) implements Effect {
    }

    /** Someone in danger is not being answered: page the on-call duty list (publish an EscalationNeeded). */
    record Escalate(org.hotline.core.bus.EscalationNeeded.Kind kind, String callId, String language,
                    java.time.Instant since) implements Effect {
    }
}
