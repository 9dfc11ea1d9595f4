package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.core.bus.HandOffReply;
import org.hotline.dispatch.operators.OperatorState;

/**
 * The hand-off transitions of the {@link Floor} ("connecting"): an operator who accepts is held until the IVR takes
 * the hand-off or the caller is gone, whichever comes first, or a backstop passes; only then are they free again,
 * so an operator shown available is never being put through to a caller. Pure decisions returning {@link Effect}s;
 * the floor looks up the seat and matches again afterwards.
 *
 * <p>Not thread-safe: one event loop owns it.
 */
final class Connecting {
    /** Why a connecting call was taken back: the IVR did not take the hand-off in time. */
    static final String HAND_OFF_LOST = "hand-off-lost";
    /** Why a connecting call was taken back: the IVR answered, but read the assignment after its deadline. */
    static final String TOO_LATE = "too-late";
    /**
     * How long after learning that no IVR holds a call the floor still waits for the caller's leaving (sent as the
     * hold ends, so it follows within milliseconds) before calling the hand-off lost (the IVR itself is gone).
     */
    static final Duration LEAVING_GRACE = Duration.ofSeconds(2);

    private final HandOffWindow window;
    private final CallQueue queue;

    Connecting(HandOffWindow window, CallQueue queue) {
        this.window = window;
        this.queue = queue;
    }

    /**
     * The operator accepted. Only the operator currently holding the offer can; a late or duplicate accept
     * changes nothing. The seat is then held for the hand-off: the IVR may take it until the window's
     * {@code takeBy}, and the floor gives the operator back at its backstop if the IVR never answers. Returns
     * whether the accept counted.
     */
    boolean accept(Seat seat, String callId, Instant now, List<Effect> effects) {
        if (seat == null || seat.state != OperatorState.OFFERED || seat.assigning || !callId.equals(seat.callId)) {
            return false;
        }
        WaitingCall call = queue.get(callId);
        if (call != null && call.callbackId != null) {
            // Nobody holds on the line: the operator is on the call now, and starts it from the screen.
            queue.settle(callId);
            seat.callbackId = call.callbackId;
            seat.callbackDialing = false;
            seat.change(OperatorState.ON_CALL, callId, "callback-accepted", now, effects);
            effects.add(new Effect.CallbackTaken(seat.id(), callId));
            return true;
        }
        seat.assigning = true;
        seat.awayAfterHandOff = false;
        seat.handOffDeadline = window.giveUpAt(now);
        effects.add(new Effect.Assign(seat.id(), callId, seat.operator.endpoint(), window.takeBy(now).toEpochMilli()));
        return true;
    }

    /**
     * The IVR answered the assignment of the call this seat is connecting to. Taken: the operator is on the call.
     * The caller gone: the operator is free again and routing is done with the call. Too late (read after its
     * deadline): the operator is free again and the call, still held by its IVR, is offered again; it is not
     * settled, so it is never lost.
     */
    void answered(Seat seat, HandOffReply.Answer answer, Instant now, List<Effect> effects) {
        String callId = seat.callId;
        if (answer == HandOffReply.Answer.TOO_LATE) {
            WaitingCall call = queue.get(callId);
            if (call != null) {
                call.offeredTo = null;
                call.lastHeard = now;
            }
            seat.free(TOO_LATE, now, effects);
            return;
        }
        queue.settle(callId);
        if (answer == HandOffReply.Answer.TAKEN) {
            seat.assigning = false;
            // An away pressed while connecting only mattered if the call failed.
            seat.awayAfterHandOff = false;
            seat.change(OperatorState.ON_CALL, callId, "accepted", now, effects);
            effects.add(new Effect.Connected(seat.id(), callId));
        } else {
            seat.free(Floor.CALLER_LEFT, now, effects);
        }
    }

    /**
     * The assignment found no IVR holding the call (no handler on its address, or the send failed): the caller's
     * hold has ended, or its IVR is gone. The call leaves the queue, unsettled, so an IVR that does hold it and
     * re-sends it queues it again. The caller's leaving, if that is why, comes within {@link #LEAVING_GRACE};
     * otherwise the hand-off is lost then.
     */
    void noIvrHolds(Seat seat, String callId, Instant now) {
        if (seat == null || !seat.connectingTo(callId)) {
            return;
        }
        queue.remove(callId);
        Instant graceOver = now.plus(LEAVING_GRACE);
        if (graceOver.isBefore(seat.handOffDeadline)) {
            seat.handOffDeadline = graceOver;
        }
    }

    /** Whether the seat is connecting and the IVR has not answered by the backstop (or the leaving grace). */
    static boolean overdue(Seat seat, Instant now) {
        return seat.assigning && !now.isBefore(seat.handOffDeadline);
    }

    /**
     * The IVR never answered an assignment: it is presumed dead (its node died and the dialplan sent the caller
     * to the fallback queue). The operator is given back and the call is not counted as handed off. A call its IVR
     * still re-sends goes back to the queue; one gone silent is forgotten but not settled, so should its IVR speak
     * again (it then declines the assignment as too late) its next intake queues it again.
     */
    void lost(Seat seat, Instant now, List<Effect> effects) {
        WaitingCall call = queue.get(seat.callId);
        if (call != null) {
            call.offeredTo = null;
            if (queue.silent(call, now)) {
                queue.remove(call.id());
            }
        }
        seat.free(HAND_OFF_LOST, now, effects);
    }
}
