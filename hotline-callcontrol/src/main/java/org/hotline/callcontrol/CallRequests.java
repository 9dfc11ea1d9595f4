package org.hotline.callcontrol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.core.bus.CallControlNotice.Event;
import org.hotline.core.bus.CallControlReply;
import org.hotline.core.bus.CallControlReply.Problem;
import org.hotline.core.bus.CallControlRequest;
import org.hotline.core.bus.SupervisionMode;

/**
 * What a request from the screen starts on a live call: the board's state for it, and the AMI actions. A request
 * only starts things; Asterisk's events finish them ({@link CallBoard}). {@link #failed} undoes a start whose AMI
 * action was refused or never answered.
 *
 * <p>Not thread-safe: one event loop owns it, with the board.
 */
final class CallRequests {
    /** What a request decided: the reply if it cannot go ahead, otherwise the effects to carry out. */
    record Decision(CallControlReply refusal, List<Effect> effects) {
        static Decision refuse(Problem problem) {
            return new Decision(CallControlReply.failed(problem), List.of());
        }
    }

    private final CallBoard board;
    private final Supplier<String> channelIds;

    CallRequests(CallBoard board, Supplier<String> channelIds) {
        this.board = board;
        this.channelIds = channelIds;
    }

    Decision decide(CallControlRequest request) {
        LiveCall call = board.call(request.callId()).orElse(null);
        if (call == null || call.caller == null) {
            return Decision.refuse(Problem.NO_SUCH_CALL);
        }
        return switch (request.command()) {
            case TRANSFER -> transfer(call, request);
            case TRANSFER_COMPLETE -> complete(call, request);
            case TRANSFER_CANCEL -> cancel(call, request);
            case INTERPRETER_ADD -> addInterpreter(call, request);
            case INTERPRETER_REMOVE -> removeInterpreter(call, request);
            case SUPERVISE -> supervise(call, request);
            case SUPERVISE_END -> endSupervision(call, request);
        };
    }

    private Decision transfer(LiveCall call, CallControlRequest request) {
        if (!call.ownedBy(request.actorEndpoint())) {
            return Decision.refuse(Problem.NOT_ON_CALL);
        }
        if (call.transfer != null || call.callerOnHold) {
            return Decision.refuse(Problem.WRONG_STATE);
        }
        if (request.targetEndpoint() == null || request.targetId() == null) {
            return Decision.refuse(Problem.NO_ENDPOINT);
        }
        board.ownerIs(call.callId, request.actorId());
        String id = channelIds.get();
        call.transfer = new LiveCall.Transfer(request.targetId(), request.targetEndpoint(), id);
        call.callerOnHold = true;
        board.track(call, id);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.Redirect(call.callId, call.caller.channel, Exten.HOLD));
        effects.add(new Effect.Originate(call.callId, request.targetEndpoint(), Exten.OPERATOR, call.room, id, null));
        effects.add(CallBoard.notice(call.ownerId, Event.TRANSFER_RINGING, call, request.targetId(), (String) null));
        effects.add(CallBoard.notice(request.targetId(), Event.TRANSFER_OFFERED, call, call.ownerId, (String) null));
        return new Decision(null, effects);
    }

    private Decision complete(LiveCall call, CallControlRequest request) {
        if (!call.ownedBy(request.actorEndpoint())) {
            return Decision.refuse(Problem.NOT_ON_CALL);
        }
        if (call.transfer == null || !call.transfer.connected || call.transfer.completing) {
            return Decision.refuse(Problem.WRONG_STATE);
        }
        call.transfer.completing = true;
        call.callerOnHold = false;
        // The caller first: if that fails, nothing has changed and the two operators are still talking. Leaving
        // the conference then hangs the operator's leg up, and that hangup hands the call over (CallBoard).
        return new Decision(null, List.of(new Effect.Redirect(call.callId, call.caller.channel, Exten.CALLER),
                new Effect.Kick(call.callId, call.room, call.owner.channel)));
    }

    private Decision cancel(LiveCall call, CallControlRequest request) {
        if (!call.ownedBy(request.actorEndpoint())) {
            return Decision.refuse(Problem.NOT_ON_CALL);
        }
        LiveCall.Transfer transfer = call.transfer;
        if (transfer == null || transfer.completing) {
            return Decision.refuse(Problem.WRONG_STATE);
        }
        List<Effect> effects = new ArrayList<>();
        if (transfer.connected) {
            // Their leg's hangup brings the caller back (CallBoard.legFailed).
            effects.add(new Effect.Kick(call.callId, call.room, transfer.leg.channel));
            return new Decision(null, effects);
        }
        board.discarded.add(transfer.leg.uniqueId);
        board.legFailed(call, transfer.leg.uniqueId, "cancelled", effects);
        effects.add(new Effect.Hangup(call.callId, transfer.leg.uniqueId));
        return new Decision(null, effects);
    }

    private Decision addInterpreter(LiveCall call, CallControlRequest request) {
        if (!call.ownedBy(request.actorEndpoint())) {
            return Decision.refuse(Problem.NOT_ON_CALL);
        }
        if (call.interpreter != null) {
            return Decision.refuse(Problem.WRONG_STATE);
        }
        if (request.targetEndpoint() == null || request.targetId() == null) {
            return Decision.refuse(Problem.NO_ENDPOINT);
        }
        board.ownerIs(call.callId, request.actorId());
        String id = channelIds.get();
        call.interpreter = new LiveCall.Party(request.targetId(), id);
        board.track(call, id);
        return new Decision(null, List.of(new Effect.Originate(call.callId, request.targetEndpoint(),
                Exten.INTERPRETER, call.room, id, null)));
    }

    private Decision removeInterpreter(LiveCall call, CallControlRequest request) {
        if (!call.ownedBy(request.actorEndpoint())) {
            return Decision.refuse(Problem.NOT_ON_CALL);
        }
        LiveCall.Party interpreter = call.interpreter;
        if (interpreter == null) {
            return Decision.refuse(Problem.WRONG_STATE);
        }
        if (interpreter.connected) {
            return new Decision(null, List.of(new Effect.Kick(call.callId, call.room, interpreter.leg.channel)));
        }
        List<Effect> effects = new ArrayList<>();
        board.discarded.add(interpreter.leg.uniqueId);
        board.legFailed(call, interpreter.leg.uniqueId, "cancelled", effects);
        effects.add(new Effect.Hangup(call.callId, interpreter.leg.uniqueId));
        return new Decision(null, effects);
    }

    private Decision supervise(LiveCall call, CallControlRequest request) {
        SupervisionMode mode = request.mode();
        if (mode == null || call.owner == null || call.owner.channel == null) {
            return Decision.refuse(Problem.WRONG_STATE);
        }
        LiveCall.Supervision current = call.supervisors.get(request.actorId());
        if (current == null) {
            if (request.actorEndpoint() == null) {
                return Decision.refuse(Problem.NO_ENDPOINT);
            }
            String id = channelIds.get();
            call.supervisors.put(request.actorId(), new LiveCall.Supervision(request.actorId(), id, mode));
            board.track(call, id);
            return new Decision(null, List.of(new Effect.Originate(call.callId, request.actorEndpoint(),
                    Exten.of(mode), call.room, id, call.owner.uniqueId)));
        }
        if (!current.connected || current.mode == mode) {
            return Decision.refuse(Problem.WRONG_STATE);
        }
        List<Effect> effects = new ArrayList<>();
        if (mode != SupervisionMode.BARGE) {
            effects.add(new Effect.SetSpy(call.callId, current.leg.channel, call.owner.uniqueId));
        }
        effects.add(new Effect.Redirect(call.callId, current.leg.channel, Exten.of(mode)));
        current.mode = mode;
        board.supervisionChanged(call, current, effects);
        return new Decision(null, effects);
    }

    private Decision endSupervision(LiveCall call, CallControlRequest request) {
        LiveCall.Supervision current = call.supervisors.get(request.actorId());
        if (current == null) {
            return Decision.refuse(Problem.WRONG_STATE);
        }
        // The Hangup event ends the session (CallBoard.legFailed), so it is audited once, however it ends.
        return new Decision(null, List.of(new Effect.Hangup(call.callId, current.leg.handle())));
    }

    /**
     * An AMI action of {@code request}'s decision was refused or never answered: undo what it started. The
     * effects returned are carried out, but their own failures are only logged.
     */
    List<Effect> failed(CallControlRequest request, Effect.Action action, Problem problem) {
        List<Effect> effects = new ArrayList<>();
        LiveCall call = board.call(request.callId()).orElse(null);
        if (call == null) {
            return effects;
        }
        switch (request.command()) {
            case TRANSFER -> {
                if (call.transfer != null) {
                    if (action instanceof Effect.Redirect) {
                        call.callerOnHold = false;
                    }
                    board.legFailed(call, call.transfer.leg.uniqueId, problem.code(), effects);
                }
            }
            case TRANSFER_COMPLETE -> {
                if (call.transfer != null && action instanceof Effect.Redirect) {
                    call.transfer.completing = false;
                    call.callerOnHold = true;
                }
            }
            case INTERPRETER_ADD -> {
                if (call.interpreter != null) {
                    board.legFailed(call, call.interpreter.leg.uniqueId, problem.code(), effects);
                }
            }
            case SUPERVISE -> {
                LiveCall.Supervision s = call.supervisors.get(request.actorId());
                if (s != null && action instanceof Effect.Originate) {
                    board.legFailed(call, s.leg.uniqueId, problem.code(), effects);
                }
            }
            default -> {
                // Cancel, remove and end: nothing was changed before their action; the state stays as it is.
            }
        }
        return effects;
    }
}
