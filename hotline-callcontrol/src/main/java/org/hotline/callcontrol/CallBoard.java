package org.hotline.callcontrol;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.bus.CallControlNotice;
import org.hotline.core.bus.CallControlNotice.Event;
import org.hotline.core.bus.CallControlNotice.Reason;
import org.hotline.core.bus.CallOwnerChanged;
import org.hotline.core.bus.LiveCalls;
import org.hotline.core.bus.SupervisionRecord;

/**
 * The live calls and what happens to them as Asterisk reports it: who is in each conference, and the transfer,
 * interpreter and supervisors each call has. Decisions only: every method returns the {@link Effect}s to carry
 * out ({@link CallRequests} decides the requests). Asterisk is the truth; state follows its events, so a
 * request only ever starts something, and the events finish it.
 *
 * <p>Not thread-safe: one event loop owns it.
 */
final class CallBoard {
    final Map<String, LiveCall> calls = new LinkedHashMap<>();
    /** Every leg's uniqueid → its call id. */
    final Map<String, String> legs = new HashMap<>();
    /** Legs we gave up on while they still rang: hang them up if they answer after all. */
    final Set<String> discarded = new HashSet<>();
    final Clock clock;
    private final boolean showSupervisor;

    CallBoard(Clock clock, boolean showSupervisor) {
        this.clock = clock;
        this.showSupervisor = showSupervisor;
    }

    Optional<LiveCall> call(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    void track(LiveCall call, String uniqueId) {
        legs.put(uniqueId, call.callId);
    }

    // ---- events ------------------------------------------------------------------------------------------------

    List<Effect> joined(AmiEvent.Joined event) {
        List<Effect> effects = new ArrayList<>();
        if (event.exten() == null || !event.room().startsWith(LiveCall.ROOM_PREFIX)) {
            return effects;
        }
        if (discarded.remove(event.uniqueId())) {
            effects.add(new Effect.Kick(callIdOf(event.room()), event.room(), event.channel()));
            return effects;
        }
        String callId = callIdOf(event.room());
        LiveCall call = calls.computeIfAbsent(callId, LiveCall::new);
        switch (event.exten()) {
            case CALLER -> {
                call.caller = new LiveCall.Leg(event.uniqueId(), event.channel());
                call.callerOnHold = false;
                track(call, event.uniqueId());
            }
            case OPERATOR -> operatorJoined(call, event, effects);
            case INTERPRETER -> {
                if (call.interpreter != null && call.interpreter.leg.uniqueId.equals(event.uniqueId())) {
                    call.interpreter.leg.channel = event.channel();
                    call.interpreter.connected = true;
                    tellOperators(call, Event.INTERPRETER_JOINED, call.interpreter.personId, null, effects);
                }
            }
            default -> {
                // BARGE: the supervisor counts as on the line from the OriginateResponse already.
            }
        }
        return effects;
    }

    private void operatorJoined(LiveCall call, AmiEvent.Joined event, List<Effect> effects) {
        LiveCall.Transfer transfer = call.transfer;
        if (transfer != null && transfer.leg.uniqueId.equals(event.uniqueId())) {
            transfer.leg.channel = event.channel();
            transfer.connected = true;
            if (transfer.ownerGone) {
                complete(call, effects, true);
            } else {
                effects.add(notice(call.ownerId, Event.TRANSFER_TALKING, call, transfer.personId, (String) null));
            }
        } else if (call.owner == null) {
            call.owner = new LiveCall.Leg(event.uniqueId(), event.channel());
            track(call, event.uniqueId());
            effects.add(new Effect.LookUpOwner(call.callId, LiveCall.endpointOf(event.channel())));
        }
    }

    /** The operator who has the call is known (looked up from their phone, or they asked for something). */
    void ownerIs(String callId, String operatorId) {
        LiveCall call = calls.get(callId);
        if (call != null && call.ownerId == null) {
            call.ownerId = operatorId;
        }
    }

    List<Effect> originated(AmiEvent.Originated event) {
        List<Effect> effects = new ArrayList<>();
        LiveCall call = calls.get(legs.get(event.uniqueId()));
        if (call == null) {
            if (event.answered() && discarded.remove(event.uniqueId())) {
                effects.add(new Effect.Hangup(null, event.channel()));
            }
            return effects;
        }
        if (event.answered()) {
            supervisorAnswered(call, event, effects);
            return effects;
        }
        Reason reason = event.reason() == AmiEvent.Originated.BUSY ? Reason.DECLINED : Reason.NO_ANSWER;
        legFailed(call, event.uniqueId(), reason.code(), effects);
        return effects;
    }

    private void supervisorAnswered(LiveCall call, AmiEvent.Originated event, List<Effect> effects) {
        for (LiveCall.Supervision s : call.supervisors.values()) {
            if (s.leg.uniqueId.equals(event.uniqueId()) && !s.connected) {
                s.leg.channel = event.channel();
                s.connected = true;
                supervisionChanged(call, s, effects);
            }
        }
    }

    void supervisionChanged(LiveCall call, LiveCall.Supervision s, List<Effect> effects) {
        effects.add(new Effect.Supervised(new SupervisionRecord(s.personId, call.callId, s.mode, clock.instant())));
        effects.add(supervisionNotice(s.personId, Event.SUPERVISION_STARTED, call, null, s));
        if (showSupervisor) {
            effects.add(supervisionNotice(call.ownerId, Event.SUPERVISOR_JOINED, call, s.personId, s));
        }
    }

    /**
     * A leg we started did not come (declined, unanswered, the action failed) or left before it was done:
     * undo what it needed. For a transfer, the caller goes back to the operator.
     */
    void legFailed(LiveCall call, String uniqueId, String reason, List<Effect> effects) {
        legs.remove(uniqueId);
        LiveCall.Transfer transfer = call.transfer;
        if (transfer != null && transfer.leg.uniqueId.equals(uniqueId)) {
            call.transfer = null;
            if (transfer.completing) {
                return;
            }
            if (transfer.ownerGone) {
                // Nobody is left for the caller: ring every operator rather than leave them in hold music.
                effects.add(new Effect.Redirect(call.callId, call.caller.channel, Exten.FALLBACK));
                forget(call);
                return;
            }
            if (call.callerOnHold) {
                call.callerOnHold = false;
                effects.add(new Effect.Redirect(call.callId, call.caller.channel, Exten.CALLER));
            }
            effects.add(notice(call.ownerId, Event.TRANSFER_FAILED, call, transfer.personId, reason));
            effects.add(notice(transfer.personId, Event.TRANSFER_FAILED, call, null, reason));
        } else if (call.interpreter != null && call.interpreter.leg.uniqueId.equals(uniqueId)) {
            LiveCall.Party interpreter = call.interpreter;
            call.interpreter = null;
            tellOperators(call, interpreter.connected ? Event.INTERPRETER_LEFT : Event.INTERPRETER_FAILED,
                    interpreter.personId, interpreter.connected ? null : reason, effects);
        } else {
            call.supervisors.values().stream().filter(s -> s.leg.uniqueId.equals(uniqueId)).findFirst()
                    .ifPresent(s -> endSupervision(call, s, effects));
        }
    }

    void endSupervision(LiveCall call, LiveCall.Supervision s, List<Effect> effects) {
        call.supervisors.remove(s.personId);
        legs.remove(s.leg.uniqueId);
        if (s.connected) {
            effects.add(new Effect.Supervised(new SupervisionRecord(s.personId, call.callId, null, clock.instant())));
            if (showSupervisor) {
                effects.add(supervisionNotice(call.ownerId, Event.SUPERVISOR_LEFT, call, s.personId, s));
            }
        }
        effects.add(supervisionNotice(s.personId, Event.SUPERVISION_ENDED, call, null, s));
    }

    List<Effect> hungUp(AmiEvent.HungUp event) {
        List<Effect> effects = new ArrayList<>();
        LiveCall call = calls.get(legs.get(event.uniqueId()));
        if (call == null) {
            return effects;
        }
        if (call.caller != null && call.caller.uniqueId.equals(event.uniqueId())) {
            callerLeft(call, effects);
        } else if (call.owner != null && call.owner.uniqueId.equals(event.uniqueId())) {
            legs.remove(event.uniqueId());
            ownerLeft(call, effects);
        } else {
            legFailed(call, event.uniqueId(), Reason.LEFT.code(), effects);
        }
        return effects;
    }

    private void ownerLeft(LiveCall call, List<Effect> effects) {
        LiveCall.Transfer transfer = call.transfer;
        if (transfer != null && transfer.connected) {
            complete(call, effects, !transfer.completing);
        } else if (transfer != null) {
            transfer.ownerGone = true;
            call.owner = null;
        } else {
            // Without a transfer the caller's profile ends the conference for them (end_marked): their hangup
            // follows and ends the call here.
            call.owner = null;
        }
    }

    /** The colleague has the caller now: ownership moves, and the operator who asked is out. */
    private void complete(LiveCall call, List<Effect> effects, boolean bringCallerBack) {
        LiveCall.Transfer transfer = call.transfer;
        String from = call.ownerId;
        call.transfer = null;
        call.owner = transfer.leg;
        call.ownerId = transfer.personId;
        if (bringCallerBack && call.callerOnHold) {
            effects.add(new Effect.Redirect(call.callId, call.caller.channel, Exten.CALLER));
        }
        call.callerOnHold = false;
        effects.add(new Effect.OwnerChanged(new CallOwnerChanged(call.callId, from, transfer.personId)));
        effects.add(notice(from, Event.TRANSFER_DONE, call, transfer.personId, (String) null));
        effects.add(notice(transfer.personId, Event.TRANSFER_DONE, call, from, (String) null));
    }

    /** The caller hung up: every other leg ends, nothing changes hands, and supervisors' sessions end. */
    void callerLeft(LiveCall call, List<Effect> effects) {
        effects.add(new Effect.Kick(call.callId, call.room, "all"));
        if (call.transfer != null) {
            if (!call.transfer.connected) {
                effects.add(new Effect.Hangup(call.callId, call.transfer.leg.handle()));
            }
            effects.add(notice(call.transfer.personId, Event.TRANSFER_FAILED, call, null, Reason.CALLER_LEFT.code()));
        }
        if (call.interpreter != null && !call.interpreter.connected) {
            effects.add(new Effect.Hangup(call.callId, call.interpreter.leg.handle()));
        }
        for (LiveCall.Supervision s : List.copyOf(call.supervisors.values())) {
            effects.add(new Effect.Hangup(call.callId, s.leg.handle()));
            endSupervision(call, s, effects);
        }
        effects.add(notice(call.ownerId, Event.CALL_ENDED, call, null, (String) null));
        forget(call);
    }

    /** After a reconnect: the call's conference no longer exists (Asterisk restarted), so the call is over. */
    List<Effect> gone(String callId) {
        List<Effect> effects = new ArrayList<>();
        LiveCall call = calls.get(callId);
        if (call != null) {
            callerLeft(call, effects);
            effects.removeIf(e -> e instanceof Effect.Action);
        }
        return effects;
    }

    private void forget(LiveCall call) {
        calls.remove(call.callId);
        legs.values().removeIf(call.callId::equals);
    }

    LiveCalls snapshot(boolean available) {
        return new LiveCalls(available, calls.values().stream().map(c -> new LiveCalls.Call(c.callId, c.ownerId,
                c.state(), c.interpreter != null && c.interpreter.connected,
                (int) c.supervisors.values().stream().filter(s -> s.connected).count(),
                c.transfer == null ? null : c.transfer.personId)).toList());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    void tellOperators(LiveCall call, Event event, String peerId, String reason, List<Effect> effects) {
        effects.add(notice(call.ownerId, event, call, peerId, reason));
        if (call.transfer != null && call.transfer.connected) {
            effects.add(notice(call.transfer.personId, event, call, peerId, reason));
        }
    }

    static Effect notice(String to, Event event, LiveCall call, String peerId, String reason) {
        return new Effect.Notify(to, new CallControlNotice(event, call.callId, peerId, null, reason));
    }

    static Effect supervisionNotice(String to, Event event, LiveCall call, String peerId, LiveCall.Supervision s) {
        return new Effect.Notify(to, new CallControlNotice(event, call.callId, peerId, s == null ? null : s.mode,
                null));
    }

    static String callIdOf(String room) {
        return room.substring(LiveCall.ROOM_PREFIX.length());
    }
}
