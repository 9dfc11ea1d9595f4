package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.CallbackResult;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.core.bus.HandOffReply;
import org.hotline.core.bus.IntakeReply;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorState;

/**
 * The routing decisions, with no I/O and no threads: who is on the floor, which calls wait ({@link CallQueue}),
 * and who is offered what ({@link Matching}). One call is offered to one operator at a time, so exactly one can own
 * it. An operator who accepts is held ("connecting", {@link Connecting}) until the IVR takes the hand-off or the
 * caller is gone, whichever comes first, or a backstop passes; only then are they free again, so an operator shown
 * available is never being put through to a caller. Every method returns the {@link Effect}s the caller must
 * carry out.
 *
 * <p>Not thread-safe: one event loop owns it.
 */
final class Floor {
    /** Why an offer or a connecting call was taken back: the caller hung up or otherwise left the queue. */
    static final String CALLER_LEFT = "caller-left";
    /** The reasons of the two seats a warm transfer changes. */
    static final String TRANSFERRED = "transferred";
    static final String TRANSFER_TAKEN = "transfer-taken";
    /** Why an offer was taken back: the on-call duty person took the emergency. */
    static final String ON_CALL = "on-call";

    private final Duration wrapUp;
    private final Duration reconnectGrace;
    private final Duration escalateAfter;
    /**
     * A new routing owner restored waiting calls from the database before the screens have told it who is on the
     * floor (their presence comes a moment later): until then an empty floor means "not heard yet", not "nobody".
     */
    private Instant restoredAt;
    private final Map<String, Seat> seats = new LinkedHashMap<>();
    private final CallQueue queue;
    private final Matching matching;
    private final Connecting connecting;

    Floor(Duration offerTimeout, Duration widenAfter, Duration wrapUp, Duration callSilence, HandOffWindow handOff) {
        this(offerTimeout, widenAfter, wrapUp, callSilence, handOff, Duration.ZERO);
    }

    /**
     * @param wrapUp         the planned wrap-up: shown to the operator and the wallboard, never ending it
     * @param reconnectGrace an operator set away by a dropped connection who is back within this is available
     *                       again (zero: never)
     */
    Floor(Duration offerTimeout, Duration widenAfter, Duration wrapUp, Duration callSilence, HandOffWindow handOff,
          Duration reconnectGrace) {
        this(offerTimeout, widenAfter, wrapUp, callSilence, handOff, reconnectGrace, Duration.ofSeconds(60));
    }

    /**
     * @param escalateAfter an emergency that waited this long with nobody able to take it is escalated, once
     */
    Floor(Duration offerTimeout, Duration widenAfter, Duration wrapUp, Duration callSilence, HandOffWindow handOff,
          Duration reconnectGrace, Duration escalateAfter) {
        this.wrapUp = wrapUp;
        this.reconnectGrace = reconnectGrace;
        this.escalateAfter = escalateAfter;
        this.queue = new CallQueue(callSilence);
        this.matching = new Matching(offerTimeout, widenAfter);
        this.connecting = new Connecting(handOff, queue);
    }

    /**
     * A caller is ready. Nobody on duty (signed in with a screen connected, or gone for no longer than the
     * reconnect grace) means a refusal, so the IVR takes the closed path at once. The IVR sends
     * the intake again while the caller holds (a new routing owner learns of the call that way); a repeat of a
     * waiting call changes nothing, and one queued before keeps its place by its queued time.
     */
    IntakeReply intake(CallIntake intake, Instant now, List<Effect> effects) {
        if (nobodyOnDuty(now) || queue.isSettled(intake.callId())) {
            IntakeReply refused = IntakeReply.refused(IntakeReply.NO_OPERATORS);
            Reminders.refused(intake, refused, effects);
            return refused;
        }
        WaitingCall call = queue(intake, now, effects);
        return IntakeReply.queuedAt(position(call.id()).orElse(1));
    }

    /**
     * A call a new routing owner found waiting in the database (its IVR node is alive): queued at its original
     * time, whether or not anyone is on the floor yet; if its IVR does not re-send it, it is forgotten after the
     * call silence like any other.
     */
    void restore(CallIntake intake, Instant now, List<Effect> effects) {
        if (queue.isSettled(intake.callId())) {
            return;
        }
        restoredAt = now;
        queue(intake, now, effects);
    }

    /**
     * Queues a new call at its queued time and routes it. A call already waiting is only marked as heard from:
     * its IVR re-sends it every few seconds, and nothing about routing changed with that.
     */
    private WaitingCall queue(CallIntake intake, Instant now, List<Effect> effects) {
        WaitingCall known = queue.get(intake.callId());
        if (known != null) {
            known.lastHeard = now;
            return known;
        }
        WaitingCall call = queue.add(intake, now);
        match(now, effects);
        return call;
    }

    /**
     * A browser connected: the operator joins the floor, away until they choose to be available. A screen coming
     * back after a drop: see {@link Reconnection#back}.
     */
    void connected(Operator operator, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operator.id());
        if (seat != null) {
            seat.screenGoneAt = null;
        }
        if (seat == null) {
            seats.put(operator.id(), new Seat(operator, now));
            effects.add(new Effect.State(operator.id(), OperatorState.AWAY, null, "signed-in"));
            return;
        }
        if (Reconnection.back(seat, reconnectGrace, now, effects)) {
            match(now, effects);
        }
    }

    /**
     * A new routing owner took over while the operator's browser stayed connected: they keep the state last
     * recorded for them. An offer made by the old owner is gone (the call comes back with its next intake), so an
     * offered operator is available again.
     */
    void resumed(Operator operator, OperatorState last, String lastCallId, Instant now, List<Effect> effects) {
        if (seats.containsKey(operator.id())) {
            connected(operator, now, effects);
            return;
        }
        Seat seat = new Seat(operator, now);
        seats.put(operator.id(), seat);
        switch (last) {
            case AVAILABLE, OFFERED -> seat.change(OperatorState.AVAILABLE, null, "resumed", now, effects);
            case ON_CALL -> {
                seat.change(OperatorState.ON_CALL, lastCallId, "resumed", now, effects);
                seat.resumedOnCall = lastCallId;
            }
            case WRAP_UP -> WrapUp.begin(seat, lastCallId, "resumed", wrapUp, now, effects);
            default -> seat.change(OperatorState.AWAY, null, "resumed", now, effects);
        }
        match(now, effects);
    }

    /** The operator's browser went away: an offer is lost at once and they are away. A call in progress goes on. */
    void disconnected(String operatorId, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat == null) {
            return;
        }
        if (seat.screenGoneAt == null) {
            seat.screenGoneAt = now;
        }
        if (seat.assigning) {
            seat.awayAfterHandOff = true;
        } else if (seat.state == OperatorState.OFFERED) {
            releaseOffer(seat, Reconnection.DISCONNECTED, effects);
            Reconnection.dropped(seat, now, effects);
        } else if (seat.state == OperatorState.AVAILABLE) {
            Reconnection.dropped(seat, now, effects);
        }
        match(now, effects);
    }

    void signedOut(String operatorId, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat == null) {
            return;
        }
        if (seat.state == OperatorState.OFFERED && !seat.assigning) {
            releaseOffer(seat, "signed-out", effects);
        }
        seats.remove(operatorId);
        effects.add(new Effect.State(operatorId, OperatorState.SIGNED_OUT, null, "signed-out"));
        refuseIfNobodyOnDuty(now, effects);
        match(now, effects);
    }

    /** See {@link OnDuty#anyone}. */
    boolean anyoneOnDuty(Instant now) {
        return OnDuty.anyone(seats.values(), reconnectGrace, now);
    }

    /** Nobody on duty, and not a new routing owner still hearing from the screens (see {@link #restoredAt}). */
    private boolean nobodyOnDuty(Instant now) {
        boolean hearingFromScreens = restoredAt != null && !now.isAfter(restoredAt.plus(reconnectGrace));
        return !hearingFromScreens && !anyoneOnDuty(now);
    }

    /** With nobody left on duty, every waiting call not on offer is refused: its IVR takes the closed path. */
    private void refuseIfNobodyOnDuty(Instant now, List<Effect> effects) {
        if (nobodyOnDuty(now)) {
            for (String callId : queue.settleUnoffered()) {
                effects.add(new Effect.Refuse(callId, IntakeReply.NO_OPERATORS));
            }
        }
    }

    void available(String operatorId, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat != null && (seat.state == OperatorState.AWAY || seat.state == OperatorState.WRAP_UP)) {
            seat.droppedAt = null;
            seat.change(OperatorState.AVAILABLE, null, "operator", now, effects);
            match(now, effects);
        }
    }

    /** The operator chose away. While connecting, the hand-off decides first: they are away only if it fails. */
    void away(String operatorId, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat == null) {
            return;
        }
        if (seat.assigning) {
            seat.awayAfterHandOff = true;
            return;
        }
        if (seat.state == OperatorState.OFFERED && !seat.assigning) {
            WaitingCall call = releaseOffer(seat, "declined", effects);
            if (call != null) {
                call.declinedBy.add(operatorId);
            }
        }
        seat.droppedAt = null;
        if (seat.state != OperatorState.ON_CALL) {
            seat.change(OperatorState.AWAY, null, "operator", now, effects);
        }
        match(now, effects);
    }

    /**
     * The operator turned an offer down: the call goes to someone else at once (never back to them), the operator
     * stays available, and the reason is recorded with their state. An emergency is declined only with a reason
     * (else this returns false and the offer stands), and a declined emergency is escalated: the on-call duty list
     * hears of it even while the call is offered on.
     */
    boolean decline(String operatorId, String callId, String reason, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat == null || seat.state != OperatorState.OFFERED || seat.assigning || !callId.equals(seat.callId)) {
            return true;
        }
        WaitingCall offered = queue.get(callId);
        boolean emergency = offered != null && offered.emergency();
        if (emergency && reason == null) {
            return false;
        }
        WaitingCall call = releaseOffer(seat, "declined", effects);
        if (call != null) {
            call.declinedBy.add(operatorId);
        }
        seat.change(OperatorState.AVAILABLE, null, reason == null ? "declined" : "declined:" + reason, now, effects);
        if (emergency) {
            effects.add(new Effect.Escalate(EscalationNeeded.Kind.DECLINED_EMERGENCY, callId,
                    offered.intake.language().code(), offered.queuedAt));
        }
        match(now, effects);
        return true;
    }

    /** The operator accepted: see {@link Connecting#accept}. Returns whether the accept counted. */
    boolean accept(String operatorId, String callId, Instant now, List<Effect> effects) {
        return connecting.accept(seats.get(operatorId), callId, now, effects);
    }

    /** Whether the operator accepted this call and is waiting for the IVR to take the hand-off. */
    boolean connecting(String operatorId, String callId) {
        Seat seat = seats.get(operatorId);
        return seat != null && seat.connectingTo(callId);
    }

    /** The IVR answered the assignment: see {@link Connecting#answered}. */
    void handedOff(String operatorId, String callId, HandOffReply.Answer answer, Instant now, List<Effect> effects) {
        if (!connecting(operatorId, callId)) {
            if (answer != HandOffReply.Answer.TOO_LATE) {
                // An answer for a seat no longer held for it (replies come before the backstop, so hardly ever):
                // the call has left the queue either way.
                callLeft(callId, now, effects);
            } else {
                // Its operator signed out while connecting: the caller still holds, so the call is offered again.
                WaitingCall call = queue.get(callId);
                if (call != null && operatorId.equals(call.offeredTo)) {
                    call.offeredTo = null;
                    call.lastHeard = now;
                    match(now, effects);
                }
            }
            return;
        }
        connecting.answered(seats.get(operatorId), answer, now, effects);
        match(now, effects);
    }

    /** The assignment found no IVR holding the call: see {@link Connecting#noIvrHolds}. */
    void noIvrHolds(String operatorId, String callId, Instant now, List<Effect> effects) {
        connecting.noIvrHolds(seats.get(operatorId), callId, now);
    }

    /**
     * The caller left the queue (hung up, voice message, hold limit): withdraw any offer at once, and give back an
     * operator still connecting to them (the IVR's answer to the assignment may come later, or never).
     */
    void callLeft(String callId, Instant now, List<Effect> effects) {
        queue.settle(callId);
        for (Seat seat : seats.values()) {
            if (seat.state == OperatorState.OFFERED && callId.equals(seat.callId)) {
                seat.free(CALLER_LEFT, now, effects);
                match(now, effects);
                return;
            }
        }
    }

    /**
     * The on-call duty person acknowledged an escalation and is in the call's room. A call still waiting leaves the
     * queue (an offer of it is withdrawn, nobody is offered it any more) and its IVR is told to put the caller into
     * the room. A call being connected to an operator who accepted is left to them (the caller then joins the same
     * room through the operator's answer); a call no longer waiting (gone, or a voice message) needs nothing.
     *
     * @return whether the caller is sent to the room
     */
    boolean onCall(String callId, Instant now, List<Effect> effects) {
        if (queue.get(callId) == null || seats.values().stream().anyMatch(seat -> seat.connectingTo(callId))) {
            return false;
        }
        queue.settle(callId);
        for (Seat seat : seats.values()) {
            if (seat.state == OperatorState.OFFERED && callId.equals(seat.callId)) {
                seat.free(ON_CALL, now, effects);
            }
        }
        effects.add(new Effect.ToRoom(callId));
        match(now, effects);
        return true;
    }

    /**
     * The call ended: its operator goes to wrap-up, which lasts until they say they are ready or save this call's
     * tip; the planned wrap-up time only tells them and the wallboard how long it has been. A call that ends before it was handed off has left the queue
     * (the hangup handler may report it before the IVR does).
     */
    void callEnded(String callId, Instant now, List<Effect> effects) {
        WaitingCall waiting = queue.get(callId);
        if (waiting != null && waiting.callbackId != null) {
            // The caller hung up after accepting a callback, as they were asked to: the call keeps its place.
            return;
        }
        callLeft(callId, now, effects);
        for (Seat seat : seats.values()) {
            if (seat.state == OperatorState.ON_CALL && callId.equals(seat.callId)) {
                WrapUp.begin(seat, callId, "call-ended", wrapUp, now, effects);
            }
        }
    }

    /**
     * The caller accepted a callback and hangs up: the call keeps its place in the queue with no IVR re-sending it,
     * and is offered as a callback. Returns whether the call was waiting.
     */
    boolean callbackRequested(String callId, String callbackId, Instant now, List<Effect> effects) {
        WaitingCall call = queue.get(callId);
        if (call == null) {
            return false;
        }
        call.callbackId = callbackId;
        call.lastHeard = now;
        match(now, effects);
        return true;
    }

    /**
     * A callback still owed when routing started (a restart): back in the queue at its original time, marked as a
     * callback. Unlike {@link #restore}, nothing about who is on duty changes.
     */
    void restoreCallback(CallIntake intake, String callbackId, Instant now, List<Effect> effects) {
        if (queue.isSettled(intake.callId())) {
            return;
        }
        WaitingCall call = queue.get(intake.callId());
        if (call == null) {
            call = queue.add(intake, now);
        }
        call.callbackId = callbackId;
        match(now, effects);
    }

    /** The operator pressed Call back on the callback they took; a repeat while it is dialling changes nothing. */
    void callBack(String operatorId, String callId, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat == null || seat.state != OperatorState.ON_CALL || !callId.equals(seat.callId)
                || seat.callbackId == null || seat.callbackDialing) {
            return;
        }
        seat.callbackDialing = true;
        effects.add(new Effect.CallbackState(seat.id(), callId, "ringing", 0));
        effects.add(new Effect.DialCallback(seat.id(), callId, seat.callbackId, seat.operator.endpoint()));
    }

    /**
     * How a callback went. Connected: the operator talks with the caller, and the call's end brings the wrap-up
     * as for any call. Failed or expired: the number is destroyed, and the operator goes to wrap-up at once.
     * Operator unreachable or call control unavailable: nothing was dialled, they may press Call back again. A
     * callback still waiting in the queue whose number expired leaves it.
     */
    void callbackResult(CallbackResult result, Instant now, List<Effect> effects) {
        for (Seat seat : seats.values()) {
            if (result.callbackId().equals(seat.callbackId) && result.callId().equals(seat.callId)) {
                seat.callbackDialing = false;
                effects.add(new Effect.CallbackState(seat.id(), result.callId(), result.result().code(),
                        result.attempts()));
                switch (result.result()) {
                    case CONNECTED -> seat.callbackId = null;
                    case FAILED, EXPIRED -> {
                        seat.callbackId = null;
                        WrapUp.begin(seat, result.callId(), "callback-" + result.result().code(), wrapUp, now,
                                effects);
                    }
                    case OPERATOR_UNREACHABLE, UNAVAILABLE -> {
                        // Nothing was dialled and the number is still kept.
                    }
                }
                return;
            }
        }
        WaitingCall waiting = queue.get(result.callId());
        if (waiting != null && result.callbackId().equals(waiting.callbackId)
                && (result.result() == CallbackResult.Result.EXPIRED
                || result.result() == CallbackResult.Result.FAILED)) {
            callLeft(result.callId(), now, effects);
        }
    }

    /**
     * The operator saved a tip: the wrap-up of that call is over. A tip of another call (a voice message), or of
     * none, leaves the wrap-up alone: the form of the call just ended may still be open.
     */
    void tipSaved(String operatorId, String callId, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat != null && WrapUp.endedByTip(seat, callId)) {
            seat.change(OperatorState.AVAILABLE, null, "tip-saved", now, effects);
            match(now, effects);
        }
    }

    /**
     * A warm transfer put the call through to a colleague ({@code to}), whose screen shows it as their call from
     * now on; its end brings them, not the first operator, to wrap-up. The first operator has no tip left to write
     * (the draft went with the call), so they are away until they say they are ready: never offered a call straight
     * after handing one over. A colleague with an offer open has it withdrawn; the call goes back to the queue.
     */
    void ownerChanged(String callId, String from, String to, Instant now, List<Effect> effects) {
        Seat first = seats.get(from);
        if (first != null && first.state == OperatorState.ON_CALL && callId.equals(first.callId)) {
            first.change(OperatorState.AWAY, null, TRANSFERRED, now, effects);
        }
        Seat colleague = seats.get(to);
        // Already theirs (a repeated message), or they are on another call (never moved off it).
        boolean settled = colleague == null || colleague.assigning || callId.equals(colleague.callId)
                || colleague.state == OperatorState.ON_CALL;
        if (!settled) {
            if (colleague.state == OperatorState.OFFERED) {
                releaseOffer(colleague, TRANSFER_TAKEN, effects);
            }
            colleague.change(OperatorState.ON_CALL, callId, TRANSFER_TAKEN, now, effects);
            effects.add(new Effect.TakenOver(to, callId));
        }
        match(now, effects);
    }

    /**
     * The operator asked for more wrap-up time: the planned end moves on by one wrap-up from now (or from the
     * planned end, if still ahead). Only the operator's screen and the wallboard see it; nothing ends at that time.
     */
    void extendWrapUp(String operatorId, Instant now, List<Effect> effects) {
        seat(operatorId).ifPresent(seat -> WrapUp.extend(seat, wrapUp, now, effects));
    }

    /**
     * Time passes: offers expire (the operator goes away), hand-offs the IVR never answered are given up, calls
     * whose IVR fell silent are forgotten (their FastAGI node died and their dialplan fell back), and
     * widened calls find operators.
     */
    void tick(Instant now, List<Effect> effects) {
        queue.forgetSilent(now, seats::containsKey);
        refuseIfNobodyOnDuty(now, effects);
        for (Seat seat : seats.values()) {
            if (seat.state == OperatorState.OFFERED && !seat.assigning && !now.isBefore(seat.offerDeadline)) {
                releaseOffer(seat, "expired", effects);
                seat.change(OperatorState.AWAY, null, "offer-timeout", now, effects);
            } else if (Connecting.overdue(seat, now)) {
                connecting.lost(seat, now, effects);
            }
            // Wrap-up never ends here: an operator still typing the tip must not be made available (and
            // offered a call) behind their back.
        }
        match(now, effects);
        OnDuty.escalateLongWaits(queue, escalateAfter, now, effects);
    }

    /** 1-based positions of every waiting call, in service order. */
    Map<String, Integer> positions() {
        return queue.positions();
    }

    /** One call's 1-based position: the calls served before it, counted without sorting the whole queue. */
    Optional<Integer> position(String callId) {
        return queue.position(callId);
    }

    List<WaitingCall> inServiceOrder() {
        return queue.inServiceOrder();
    }

    Optional<WaitingCall> waitingCall(String callId) {
        return Optional.ofNullable(queue.get(callId));
    }

    List<Seat> seats() {
        return List.copyOf(seats.values());
    }

    Optional<Seat> seat(String operatorId) {
        return Optional.ofNullable(seats.get(operatorId));
    }

    private void match(Instant now, List<Effect> effects) {
        matching.offerWaitingCalls(seats.values(), queue, now, effects);
    }

    /** Takes the offer back from a seat; the call returns to the queue. */
    private WaitingCall releaseOffer(Seat seat, String reason, List<Effect> effects) {
        String callId = seat.callId;
        effects.add(new Effect.Withdraw(seat.id(), callId, reason));
        WaitingCall call = callId == null ? null : queue.get(callId);
        if (call != null) {
            call.offeredTo = null;
        }
        return call;
    }
}
