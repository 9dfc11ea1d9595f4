package org.hotline.callcontrol;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.asteriskjava.manager.action.ConfbridgeListAction;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallControlReply;
import org.hotline.core.bus.CallControlReply.Problem;
import org.hotline.core.bus.CallControlRequest;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.core.bus.CallbackDial;
import org.hotline.core.bus.CallbackResult;
import org.hotline.core.callback.CallbackConfig;
import org.hotline.core.callback.CallbackVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call control's I/O: takes requests from the bus, AMI events from {@link AmiLink}, runs them through the
 * {@link CallBoard} and {@link CallRequests} on this verticle's event loop, and carries the effects out. AMI
 * actions go out through the link (virtual threads) and come back as futures, so nothing here blocks.
 */
final class CallControlVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(CallControlVerticle.class);

    private final CallControlConfig config;
    private final OperatorLookup operators;
    private final CallbackConfig callbacks;
    private final CallbackVault vault;
    private final Clock clock;
    private CallbackDialer dialer;
    private final CallBoard board;
    private final CallRequests requests;
    private final AmiActions actions;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final EscalationDesk desk;
    private final EscalationConfig escalationConfig;
    private final EscalationStore escalationStore;
    private AmiLink link;
    private EffectRunner runner;
    private EscalationRunner escalations;
    private Context loop;

    CallControlVerticle(CallControlConfig config, OperatorLookup operators, Clock clock,
                        EscalationConfig escalationConfig, EscalationStore escalationStore,
                        CallbackConfig callbacks, CallbackVault vault) {
        this.config = config;
        this.callbacks = callbacks;
        this.vault = vault;
        this.clock = clock;
        this.operators = operators;
        this.board = new CallBoard(clock, config.showSupervisor());
        this.requests = new CallRequests(board, () -> "hotline-cc-" + UUID.randomUUID());
        this.actions = new AmiActions(config.ringTimeout().toMillis());
        this.escalationConfig = escalationConfig;
        this.escalationStore = escalationStore;
        this.desk = escalationConfig == null ? null : new EscalationDesk(clock, escalationConfig.ackTimeout(),
                escalationConfig.rounds(), () -> "hotline-oncall-" + UUID.randomUUID());
    }

    @Override
    public Future<?> start() {
        loop = context;
        EventBus bus = vertx.eventBus();
        runner = new EffectRunner(vertx, bus, this::send, this::lookUpOwner);
        consumers.add(bus.<JsonObject>consumer(BusAddresses.CALL_CONTROL, this::request));
        consumers.add(bus.<JsonObject>consumer(BusAddresses.CALLBACK_DIAL, this::callback));
        if (vault != null) {
            dialer = new CallbackDialer(vertx, callbacks, vault, clock, this::send,
                    config.ringTimeout().plus(config.actionTimeout()).multipliedBy(2));
        }
        consumers.add(bus.<JsonObject>consumer(BusAddresses.LIVE_CALLS_NOW,
                m -> m.reply(board.snapshot(available()).toJson())));
        Future<?> loaded = Future.succeededFuture();
        if (desk != null) {
            escalations = new EscalationRunner(vertx, desk, escalationConfig, escalationStore, actions,
                    this::sendRaw);
            consumers.add(bus.<JsonObject>consumer(BusAddresses.ESCALATION_NEEDED,
                    m -> escalations.needed(EscalationNeeded.fromJson(m.body()))));
            consumers.add(bus.<JsonObject>consumer(BusAddresses.ESCALATIONS_NOW,
                    m -> m.reply(new JsonObject().put("escalations", escalations.snapshot()))));
            consumers.add(bus.<JsonObject>consumer(BusAddresses.CALL_LEFT,
                    m -> escalations.run(desk.callerLeft(m.body().getString("callId")))));
            consumers.add(bus.<JsonObject>consumer(BusAddresses.CALL_ENDED,
                    m -> escalations.run(desk.callerLeft(m.body().getString("callId")))));
            loaded = escalations.load();
        }
        if (config.enabled()) {
            link = new AmiLink(config, new AmiLink.Listener() {
                @Override
                public void event(AmiEvent event) {
                    loop.runOnContext(v -> onEvent(event));
                }

                @Override
                public void up() {
                    loop.runOnContext(v -> {
                        resync();
                        if (escalations != null) {
                            escalations.linkUp();
                        }
                    });
                }

                @Override
                public void down() {
                    loop.runOnContext(v -> publishLive());
                }
            });
            // Escalations a stop interrupted are read before AMI can report "up", which is when they resume.
            loaded.onComplete(done -> link.start());
        } else {
            LOG.info("Call control is off (ami.host is empty): transfers, interpreters, supervision and on-call "
                    + "escalation unavailable");
        }
        List<Future<?>> ready = new ArrayList<>(consumers.stream().map(MessageConsumer::completion).toList());
        ready.add(loaded);
        return Future.all(ready);
    }

    private boolean available() {
        return link != null && link.isUp();
    }

    private void request(Message<JsonObject> message) {
        CallControlRequest request;
        try {
            request = CallControlRequest.fromJson(message.body());
        } catch (IllegalArgumentException e) {
            message.fail(400, e.getMessage());
            return;
        }
        if (!available()) {
            message.reply(CallControlReply.failed(Problem.UNAVAILABLE).toJson());
            return;
        }
        CallRequests.Decision decision = requests.decide(request);
        if (decision.refusal() != null) {
            message.reply(decision.refusal().toJson());
            return;
        }
        runner.run(decision.effects()).onComplete(done -> {
            EffectRunner.Failure failure = done.result();
            if (failure == null) {
                message.reply(CallControlReply.OK.toJson());
            } else {
                LOG.warn("Call control {} on call {} failed: {} ({})", request.command(), request.callId(),
                        failure.problem().code(), failure.action().getClass().getSimpleName());
                message.reply(CallControlReply.failed(failure.problem()).toJson());
                runner.runBestEffort(requests.failed(request, failure.action(), failure.problem()));
            }
            publishLive();
        });
    }

    /** The operator pressed Call on a callback; the reply and a publish on CALLBACK_RESULT say how it ended. */
    private void callback(Message<JsonObject> message) {
        CallbackDial request;
        try {
            request = CallbackDial.fromJson(message.body());
        } catch (IllegalArgumentException e) {
            message.fail(400, e.getMessage());
            return;
        }
        if (dialer == null || !available()) {
            message.reply(new CallbackResult(request.callId(), request.callbackId(),
                    CallbackResult.Result.UNAVAILABLE, 0, 0).toJson());
            return;
        }
        dialer.dial(request).onComplete(done -> {
            CallbackResult result = done.succeeded() ? done.result() : new CallbackResult(request.callId(),
                    request.callbackId(), CallbackResult.Result.UNAVAILABLE, 0, 0);
            if (done.failed()) {
                LOG.warn("Callback {} on call {} failed: {}", request.callbackId(), request.callId(),
                        done.cause().getClass().getSimpleName());
            }
            LOG.info("Callback {} on call {}: {} after {} attempt(s)", request.callbackId(), request.callId(),
                    result.result().code(), result.attempts());
            vertx.eventBus().publish(BusAddresses.CALLBACK_RESULT, result.toJson());
            message.reply(result.toJson());
            publishLive();
        });
    }

    private void onEvent(AmiEvent event) {
        if (desk != null && escalation(event)) {
            return;
        }
        if (dialer != null && event instanceof AmiEvent.Originated originated && dialer.originated(originated)) {
            return;
        }
        if (dialer != null && event instanceof AmiEvent.HungUp hungUp) {
            // The board sees the hangup too (the call leaves the live calls); the dialer ends a callback's call.
            dialer.hungUp(hungUp, ended -> {
                LOG.info("Callback call {} ended after {} s", ended.callId(), ended.talkSeconds());
                vertx.eventBus().publish(BusAddresses.CALL_ENDED, ended.toJson());
            });
        }
        List<Effect> effects = switch (event) {
            case AmiEvent.Joined joined -> board.joined(joined);
            case AmiEvent.HungUp hungUp -> board.hungUp(hungUp);
            case AmiEvent.Originated originated -> board.originated(originated);
            case AmiEvent.MessageTaken ignored -> List.of();
        };
        if (!effects.isEmpty() || event instanceof AmiEvent.Joined) {
            runner.runBestEffort(effects);
            publishLive();
        }
    }

    /**
     * The events that are escalation's: its own duty-phone legs (our "hotline-oncall-" uniqueids, their join or, for
     * a voice message, their UserEvent being the acknowledgement), an operator joining an escalated call's room (the
     * call is taken: paging stops), and a caller joining it (the duty person who pressed 1 has them). True when the board need not see it.
     */
    private boolean escalation(AmiEvent event) {
        switch (event) {
            case AmiEvent.Originated o when desk.owns(o.uniqueId()) -> {
                escalations.run(desk.originated(o.uniqueId(), o.answered()));
                return true;
            }
            case AmiEvent.HungUp h when desk.owns(h.uniqueId()) -> {
                escalations.run(desk.hungUp(h.uniqueId()));
                return true;
            }
            case AmiEvent.Joined j when j.exten() == Exten.ONCALL -> {
                escalations.run(desk.acknowledged(j.uniqueId()));
                return true;
            }
            case AmiEvent.MessageTaken m when desk.owns(m.uniqueId()) -> {
                escalations.run(desk.acknowledged(m.uniqueId()));
                return true;
            }
            case AmiEvent.Joined j when j.exten() == Exten.OPERATOR && j.room().startsWith(LiveCall.ROOM_PREFIX) -> {
                escalations.run(desk.operatorTook(j.room().substring(LiveCall.ROOM_PREFIX.length())));
                return false;
            }
            case AmiEvent.Joined j when j.exten() == Exten.CALLER && j.room().startsWith(LiveCall.ROOM_PREFIX) -> {
                escalations.run(desk.callerJoined(j.room().substring(LiveCall.ROOM_PREFIX.length()), j.channel()));
                return false;
            }
            case AmiEvent.HungUp h when desk.awaits(h.uniqueId()) -> {
                desk.dutyHungUp(h.uniqueId());
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private Future<EffectRunner.Outcome> send(Effect.Action action) {
        return sendRaw(actions.toManager(action));
    }

    private Future<EffectRunner.Outcome> sendRaw(org.asteriskjava.manager.action.ManagerAction action) {
        if (link == null) {
            return Future.succeededFuture(new EffectRunner.Outcome(Problem.UNAVAILABLE, null));
        }
        Promise<EffectRunner.Outcome> promise = Promise.promise();
        link.send(action).whenComplete((outcome, error) -> loop.runOnContext(v ->
                promise.complete(new EffectRunner.Outcome(outcome == null ? Problem.UNAVAILABLE : outcome.problem(),
                        outcome == null ? null : outcome.message()))));
        return promise.future();
    }

    private void lookUpOwner(Effect.LookUpOwner lookUp) {
        vertx.executeBlocking(() -> operators.operatorOf(lookUp.endpoint()), false).onComplete(found -> {
            if (found.succeeded() && found.result().isPresent()) {
                board.ownerIs(lookUp.callId(), found.result().get());
                publishLive();
            }
        });
    }

    /**
     * Logged in again (Asterisk restarted, or the link came back): a conference that no longer exists means its
     * call is over, whatever events were missed.
     */
    private void resync() {
        for (String callId : List.copyOf(board.calls.keySet())) {
            link.send(new ConfbridgeListAction(LiveCall.ROOM_PREFIX + callId)).whenComplete((outcome, e) ->
                    loop.runOnContext(v -> {
                        if (outcome != null && outcome.problem() == Problem.REFUSED) {
                            runner.runBestEffort(board.gone(callId));
                            publishLive();
                        }
                    }));
        }
        publishLive();
    }

    private void publishLive() {
        vertx.eventBus().publish(BusAddresses.LIVE_CALLS, board.snapshot(available()).toJson());
    }

    @Override
    public Future<?> stop() {
        if (link != null) {
            link.close();
        }
        return Future.succeededFuture();
    }
}
