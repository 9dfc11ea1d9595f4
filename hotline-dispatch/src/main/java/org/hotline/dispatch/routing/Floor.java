package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.HandOffReply;
import org.hotline.core.bus.IntakeReply;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorState;

/**
 * The routing decisions, with no I/O and no threads: who is on the floor, which calls wait, and who is offered
 * what. Emergencies are served first, then the longest wait; a call goes only to an available operator who
 * speaks its language, or after {@code widenAfter} (at once for emergencies) to one who works with an
 * interpreter; among those, the one available longest. One call is offered to one operator at a time, so
 * exactly one can own it. An operator who accepts is held ("connecting") until the IVR takes the hand-off or the
 * caller is gone, whichever comes first, or a backstop passes; only then are they free again, so an operator shown
 * available is never being put through to a caller. Every method returns the {@link Effect}s the caller must
 * carry out.
 *
 * <p>Not thread-safe: one event loop owns it.
 */
final class Floor {
    private static final int SETTLED_REMEMBERED = 10_000;
    /** Why an offer or a connecting call was taken back: the caller hung up or otherwise left the queue. */
    static final String CALLER_LEFT = "caller-left";
    /** Why a connecting call was taken back: the IVR did not take the hand-off in time. */
    static final String HAND_OFF_LOST = "hand-off-lost";
    /**
     * How long after learning that no IVR holds a call the floor still waits for the caller's leaving (sent as the
     * hold ends, so it follows within milliseconds) before calling the hand-off lost (the IVR itself is gone).
     */
    static final Duration LEAVING_GRACE = Duration.ofSeconds(2);
    private static final Comparator<WaitingCall> SERVICE_ORDER = Comparator
            .comparing((WaitingCall c) -> !c.emergency())
            .thenComparing(c -> c.queuedAt)
            .thenComparingLong(c -> c.sequence);

    private final Duration offerTimeout;
    private final Duration widenAfter;
    private final Duration wrapUp;
    private final Duration callSilence;
    private final HandOffWindow handOff;
    private final Map<String, Seat> seats = new LinkedHashMap<>();
    private final Map<String, WaitingCall> waiting = new HashMap<>();
    /**
     * Calls that left the queue (handed off, gone, refused), so a re-sent intake that crossed with the hand-off
     * cannot queue a call nobody holds any more. Bounded: only the most recent ones can still cross.
     */
    private final Set<String> settled = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SETTLED_REMEMBERED;
        }
    });
    private long sequence;

    Floor(Duration offerTimeout, Duration widenAfter, Duration wrapUp, Duration callSilence, HandOffWindow handOff) {
        this.offerTimeout = offerTimeout;
        this.widenAfter = widenAfter;
        this.wrapUp = wrapUp;
        this.callSilence = callSilence;
        this.handOff = handOff;
    }

    /**
     * A caller is ready. Nobody signed in means a refusal, so the IVR takes the closed path at once. The IVR sends
     * the intake again while the caller holds (a new routing owner learns of the call that way); a repeat of a
     * waiting call changes nothing, and one queued before keeps its place by its queued time.
     */
    IntakeReply intake(CallIntake intake, Instant now, List<Effect> effects) {
        if (seats.values().stream().noneMatch(s -> s.operator.takesCalls()) || settled.contains(intake.callId())) {
            return IntakeReply.refused(IntakeReply.NO_OPERATORS);
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
        if (settled.contains(intake.callId())) {
            return;
        }
        queue(intake, now, effects);
    }

    /**
     * Queues a new call at its queued time and routes it. A call already waiting is only marked as heard from:
     * its IVR re-sends it every few seconds, and nothing about routing changed with that.
     */
    private WaitingCall queue(CallIntake intake, Instant now, List<Effect> effects) {
        WaitingCall known = waiting.get(intake.callId());
        if (known != null) {
            known.lastHeard = now;
            return known;
        }
        WaitingCall call = new WaitingCall(intake, intake.steps().getOrDefault(CallStep.QUEUED, now), sequence++);
        waiting.put(call.id(), call);
        call.lastHeard = now;
        match(now, effects);
        return call;
    }

    /** A browser connected: the operator joins the floor, away until they choose to be available. */
    void connected(Operator operator, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operator.id());
        if (seat == null) {
            seats.put(operator.id(), new Seat(operator, now));
            effects.add(new Effect.State(operator.id(), OperatorState.AWAY, null, "signed-in"));
        } else {
            effects.add(new Effect.State(seat.id(), seat.state, seat.callId, "reconnected"));
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
            case AVAILABLE, OFFERED -> change(seat, OperatorState.AVAILABLE, null, "resumed", now, effects);
            case ON_CALL -> change(seat, OperatorState.ON_CALL, lastCallId, "resumed", now, effects);
            case WRAP_UP -> {
                seat.wrapUpUntil = now.plus(wrapUp);
                change(seat, OperatorState.WRAP_UP, lastCallId, "resumed", now, effects);
            }
            default -> change(seat, OperatorState.AWAY, null, "resumed", now, effects);
        }
        match(now, effects);
    }

    /** The operator's browser went away: an offer is lost at once and they are away. A call in progress goes on. */
    void disconnected(String operatorId, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat == null) {
            return;
        }
        if (seat.assigning) {
            seat.awayAfterHandOff = true;
        } else if (seat.state == OperatorState.OFFERED) {
            releaseOffer(seat, "disconnected", effects);
            change(seat, OperatorState.AWAY, null, "disconnected", now, effects);
        } else if (seat.state == OperatorState.AVAILABLE) {
            change(seat, OperatorState.AWAY, null, "disconnected", now, effects);
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
        if (seats.values().stream().noneMatch(s -> s.operator.takesCalls())) {
            for (WaitingCall call : List.copyOf(waiting.values())) {
                if (call.offeredTo == null) {
                    waiting.remove(call.id());
                    settled.add(call.id());
                    effects.add(new Effect.Refuse(call.id(), IntakeReply.NO_OPERATORS));
                }
            }
        }
        match(now, effects);
    }

    void available(String operatorId, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat != null && (seat.state == OperatorState.AWAY || seat.state == OperatorState.WRAP_UP)) {
            change(seat, OperatorState.AVAILABLE, null, "operator", now, effects);
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
        if (seat.state != OperatorState.ON_CALL) {
            change(seat, OperatorState.AWAY, null, "operator", now, effects);
        }
        match(now, effects);
    }

    /** The operator turned an offer down: the call goes to someone else, the operator stays available. */
    void decline(String operatorId, String callId, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat == null || seat.state != OperatorState.OFFERED || seat.assigning || !callId.equals(seat.callId)) {
            return;
        }
        WaitingCall call = releaseOffer(seat, "declined", effects);
        if (call != null) {
            call.declinedBy.add(operatorId);
        }
        change(seat, OperatorState.AVAILABLE, null, "declined", now, effects);
        match(now, effects);
    }

    /**
     * The operator accepted. Only the operator currently holding the offer can; a late or duplicate accept
     * changes nothing. The seat is then held for the hand-off: the IVR may take it until the window's
     * {@code takeBy}, and the floor gives the operator back at its backstop if the IVR never answers. Returns
     * whether the accept counted.
     */
    boolean accept(String operatorId, String callId, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat == null || seat.state != OperatorState.OFFERED || seat.assigning || !callId.equals(seat.callId)) {
            return false;
        }
        seat.assigning = true;
        seat.awayAfterHandOff = false;
        seat.handOffDeadline = handOff.giveUpAt(now);
        effects.add(new Effect.Assign(operatorId, callId, seat.operator.endpoint(),
                handOff.takeBy(now).toEpochMilli()));
        return true;
    }

    /**
     * The IVR answered the assignment. Taken: the operator is on the call. The caller gone: the operator is free
     * again and routing is done with the call. Too late (read after its deadline): the operator is free again and
     * the call, still held by its IVR, is offered again; it is not settled, so it is never lost.
     */
    void handedOff(String operatorId, String callId, HandOffReply.Answer answer, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        boolean connecting = seat != null && seat.assigning && callId.equals(seat.callId);
        if (answer == HandOffReply.Answer.TOO_LATE) {
            if (connecting) {
                WaitingCall call = waiting.get(callId);
                if (call != null) {
                    call.offeredTo = null;
                    call.lastHeard = now;
                }
                freeSeat(seat, HAND_OFF_LOST, now, effects);
                match(now, effects);
            }
            return;
        }
        if (!connecting) {
            // An answer for a seat no longer held for it (replies come before the backstop, so hardly ever): the
            // call has left the queue either way.
            callLeft(callId, now, effects);
            return;
        }
        waiting.remove(callId);
        settled.add(callId);
        if (answer == HandOffReply.Answer.TAKEN) {
            seat.assigning = false;
            change(seat, OperatorState.ON_CALL, callId, "accepted", now, effects);
            effects.add(new Effect.Connected(operatorId, callId));
        } else {
            freeSeat(seat, CALLER_LEFT, now, effects);
        }
        match(now, effects);
    }

    /**
     * The assignment found no IVR holding the call (no handler on its address, or the send failed): the caller's
     * hold has ended, or its IVR is gone. The call leaves the queue, unsettled, so an IVR that does hold it and
     * re-sends it queues it again. The caller's leaving, if that is why, comes within {@link #LEAVING_GRACE};
     * otherwise the hand-off is lost then.
     */
    void noIvrHolds(String operatorId, String callId, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat == null || !seat.assigning || !callId.equals(seat.callId)) {
            return;
        }
        waiting.remove(callId);
        Instant graceOver = now.plus(LEAVING_GRACE);
        if (graceOver.isBefore(seat.handOffDeadline)) {
            seat.handOffDeadline = graceOver;
        }
    }

    /**
     * The caller left the queue (hung up, voice message, hold limit): withdraw any offer at once, and give back an
     * operator still connecting to them (the IVR's answer to the assignment may come later, or never).
     */
    void callLeft(String callId, Instant now, List<Effect> effects) {
        waiting.remove(callId);
        settled.add(callId);
        for (Seat seat : seats.values()) {
            if (seat.state == OperatorState.OFFERED && callId.equals(seat.callId)) {
                freeSeat(seat, CALLER_LEFT, now, effects);
                match(now, effects);
                return;
            }
        }
    }

    /**
     * The call ended: its operator goes to wrap-up. A call that ends before it was handed off has left the queue
     * (the hangup handler may report it before the IVR does).
     */
    void callEnded(String callId, Instant now, List<Effect> effects) {
        callLeft(callId, now, effects);
        for (Seat seat : seats.values()) {
            if (seat.state == OperatorState.ON_CALL && callId.equals(seat.callId)) {
                seat.wrapUpUntil = now.plus(wrapUp);
                change(seat, OperatorState.WRAP_UP, callId, "call-ended", now, effects);
            }
        }
    }

    /** The operator saved the tip: wrap-up is over. */
    void tipSaved(String operatorId, Instant now, List<Effect> effects) {
        Seat seat = seats.get(operatorId);
        if (seat != null && seat.state == OperatorState.WRAP_UP) {
            change(seat, OperatorState.AVAILABLE, null, "tip-saved", now, effects);
            match(now, effects);
        }
    }

    /**
     * Time passes: offers expire (the operator goes away), hand-offs the IVR never answered are given up, wrap-ups
     * end, calls whose IVR fell silent are forgotten (their FastAGI node died and their dialplan fell back), and
     * widened calls find operators.
     */
    void tick(Instant now, List<Effect> effects) {
        for (WaitingCall call : List.copyOf(waiting.values())) {
            if (call.offeredTo == null && now.isAfter(call.lastHeard.plus(callSilence))) {
                waiting.remove(call.id());
                settled.add(call.id());
            }
        }
        for (Seat seat : seats.values()) {
            if (seat.state == OperatorState.OFFERED && !seat.assigning && !now.isBefore(seat.offerDeadline)) {
                releaseOffer(seat, "expired", effects);
                change(seat, OperatorState.AWAY, null, "offer-timeout", now, effects);
            } else if (seat.assigning && !now.isBefore(seat.handOffDeadline)) {
                handOffLost(seat, now, effects);
            } else if (seat.state == OperatorState.WRAP_UP && !now.isBefore(seat.wrapUpUntil)) {
                change(seat, OperatorState.AVAILABLE, null, "wrap-up-over", now, effects);
            }
        }
        match(now, effects);
    }

    /** 1-based positions of every waiting call, in service order. */
    Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        int position = 1;
        for (WaitingCall call : inServiceOrder()) {
            positions.put(call.id(), position++);
        }
        return positions;
    }

    /** One call's 1-based position: the calls served before it, counted without sorting the whole queue. */
    Optional<Integer> position(String callId) {
        WaitingCall call = waiting.get(callId);
        if (call == null) {
            return Optional.empty();
        }
        int ahead = 0;
        for (WaitingCall other : waiting.values()) {
            if (SERVICE_ORDER.compare(other, call) < 0) {
                ahead++;
            }
        }
        return Optional.of(ahead + 1);
    }

    List<WaitingCall> inServiceOrder() {
        List<WaitingCall> ordered = new ArrayList<>(waiting.values());
        ordered.sort(SERVICE_ORDER);
        return ordered;
    }

    Optional<WaitingCall> waitingCall(String callId) {
        return Optional.ofNullable(waiting.get(callId));
    }

    List<Seat> seats() {
        return List.copyOf(seats.values());
    }

    Optional<Seat> seat(String operatorId) {
        return Optional.ofNullable(seats.get(operatorId));
    }

    private void match(Instant now, List<Effect> effects) {
        // Every event matches, and walking every waiting call across every seat held the routing event loop for
        // seconds once a burst left a queue. So first what the free seats could take at all: a call in a language
        // none of them speaks (and no free interpreter, or not yet widened) is passed over without the seat walk.
        // Offers below only shrink the free seats, so this stays a safe over-estimate for the whole walk.
        EnumSet<Language> spoken = EnumSet.noneOf(Language.class);
        boolean interpreterFree = false;
        for (Seat seat : seats.values()) {
            if (seat.state == OperatorState.AVAILABLE && seat.operator.takesCalls()) {
                spoken.addAll(seat.operator.languages());
                interpreterFree |= seat.operator.interpreter();
            }
        }
        if (spoken.isEmpty() && !interpreterFree) {
            return;
        }
        for (WaitingCall call : inServiceOrder()) {
            if (call.offeredTo != null) {
                continue;
            }
            Seat best = null;
            boolean widened = call.emergency() || !now.isBefore(call.queuedAt.plus(widenAfter));
            if (!spoken.contains(call.intake.language()) && !(widened && interpreterFree)) {
                continue;
            }
            for (Seat seat : seats.values()) {
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
        change(seat, OperatorState.OFFERED, call.id(), "offer", now, effects);
        effects.add(new Effect.Offer(seat.id(), call.id(), seat.offerDeadline.toEpochMilli()));
    }

    /**
     * The IVR never answered an assignment: it is presumed dead (its node died and the dialplan sent the caller
     * to the fallback queue). The operator is given back and the call is not counted as handed off. A call its IVR
     * still re-sends goes back to the queue; one gone silent is forgotten but not settled, so should its IVR speak
     * again (it then declines the assignment as too late) its next intake queues it again.
     */
    private void handOffLost(Seat seat, Instant now, List<Effect> effects) {
        WaitingCall call = waiting.get(seat.callId);
        if (call != null) {
            call.offeredTo = null;
            if (now.isAfter(call.lastHeard.plus(callSilence))) {
                waiting.remove(call.id());
            }
        }
        freeSeat(seat, HAND_OFF_LOST, now, effects);
    }

    /** An offer or a hand-off that will not happen: off the screen, and the operator takes calls again (or is away). */
    private void freeSeat(Seat seat, String reason, Instant now, List<Effect> effects) {
        OperatorState next = seat.awayAfterHandOff ? OperatorState.AWAY : OperatorState.AVAILABLE;
        seat.assigning = false;
        seat.awayAfterHandOff = false;
        effects.add(new Effect.Withdraw(seat.id(), seat.callId, reason));
        change(seat, next, null, reason, now, effects);
    }

    /** Takes the offer back from a seat; the call returns to the queue. */
    private WaitingCall releaseOffer(Seat seat, String reason, List<Effect> effects) {
        String callId = seat.callId;
        effects.add(new Effect.Withdraw(seat.id(), callId, reason));
        WaitingCall call = callId == null ? null : waiting.get(callId);
        if (call != null) {
            call.offeredTo = null;
        }
        return call;
    }

    private static void change(Seat seat, OperatorState state, String callId, String reason, Instant now,
                               List<Effect> effects) {
        seat.state = state;
        seat.callId = callId;
        seat.since = now;
        effects.add(new Effect.State(seat.id(), state, callId, reason));
    }
}
