package org.hotline.dispatch.routing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallEnded;
import org.hotline.core.bus.CallOwnerChanged;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.CallLeft;
import org.hotline.core.bus.CallbackDial;
import org.hotline.core.bus.CallbackRequested;
import org.hotline.core.bus.CallbackResult;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.core.bus.EscalationStatus;
import org.hotline.core.bus.HandOffReply;
import org.hotline.core.bus.HoldUpdate;
import org.hotline.core.bus.IntakeReply;
import org.hotline.core.bus.OperatorAction;
import org.hotline.core.bus.Presence;
import org.hotline.core.bus.ScreenMessage;
import org.hotline.core.bus.TipSaved;
import org.hotline.core.call.CallJournal;
import org.hotline.core.storage.PatientWriter;
import org.hotline.dispatch.alerts.AlertThresholds;
import org.hotline.dispatch.hours.AfterHours;
import org.hotline.dispatch.hours.OpeningHours;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.operators.RecordedState;
import org.hotline.dispatch.operators.OperatorState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing owner: one verticle on one event loop holds the {@link Floor} and turns bus messages into its
 * decisions, then carries out the resulting effects: screens, IVRs, and the database. Database writes run on
 * an executor of virtual threads, never on the event loop, and never hold up a caller.
 */
public final class RoutingVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingVerticle.class);
    private static final long TICK_MILLIS = 250;
    /** Every attempt of a callback rings and pauses; call control always answers well before this. */
    private static final Duration CALLBACK_DIAL_TIMEOUT = Duration.ofMinutes(30);
    /**
     * How often screens and IVRs hear about queue changes. Batched: sending the whole queue to every screen on
     * every event would cost calls x operators per event and stall the event loop in a burst.
     */
    private static final long QUEUE_PUBLISH_MILLIS = 500;
    private static final long WALLBOARD_MILLIS = 1_000;
    private static final long TODAY_REFRESH_MILLIS = 5_000;

    private final RoutingConfig config;
    private final OperatorDirectory directory;
    private final CallJournal journal;
    private final Executor blocking;
    private final PatientWriter writes;
    private final OrderedWrites stateWrites;
    private final RoutingMetrics metrics;
    private final Clock clock;
    private final Floor floor;
    private final List<CallIntake> restored;
    private java.util.function.Function<Instant, Map<String, String>> owedCallbacks;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final PresenceOrder presenceOrder = new PresenceOrder();
    private Map<String, Integer> lastPositions = new HashMap<>();
    private ScreenMessage.Queue lastQueue = ScreenMessage.Queue.of(List.of());
    private volatile Map<org.hotline.core.call.CallOutcome, Integer> today = Map.of();
    private java.util.concurrent.Callable<AlertThresholds> thresholdSource = () -> AlertThresholds.NONE;
    private volatile AlertThresholds thresholds = AlertThresholds.NONE;
    private java.util.concurrent.Callable<OpeningHours> hoursSource = () -> null;
    /** The opening hours last read; null (open) until a first read succeeds: a database outage never closes. */
    private OpeningHours hours;

    public RoutingVerticle(RoutingConfig config, OperatorDirectory directory, CallJournal journal, Executor blocking,
                           io.micrometer.core.instrument.MeterRegistry registry, Clock clock) {
        this(config, directory, journal, blocking, registry, clock, List.of());
    }

    /** A routing owner that starts with {@code restored}: calls a previous owner was routing, from the database. */
    public RoutingVerticle(RoutingConfig config, OperatorDirectory directory, CallJournal journal, Executor blocking,
                           io.micrometer.core.instrument.MeterRegistry registry, Clock clock,
                           List<CallIntake> restored) {
        this.restored = List.copyOf(restored);
        this.config = config;
        this.directory = directory;
        this.journal = journal;
        this.blocking = blocking;
        this.writes = new PatientWriter(blocking, config.outagePatience());
        this.stateWrites = new OrderedWrites();
        this.metrics = new RoutingMetrics(registry);
        this.clock = clock;
        this.floor = new Floor(config.offerTimeout(), config.widenAfter(), config.wrapUp(), config.callSilence(),
                config.handOff(), config.reconnectGrace(), config.escalateAfter());
    }

    /** Where the wallboard's alert thresholds are read (blocking; every few seconds, on a worker). */
    public RoutingVerticle alertThresholds(java.util.concurrent.Callable<AlertThresholds> source) {
        this.thresholdSource = source;
        return this;
    }

    /**
     * Where the opening hours are read (blocking, on a worker): at start, when a manager changes them, and every few
     * seconds. A failed read keeps the hours last read, or none (open) when there were none: fail open.
     */
    public RoutingVerticle openingHours(java.util.concurrent.Callable<OpeningHours> source) {
        this.hoursSource = source;
        return this;
    }

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        consumers.add(bus.<JsonObject>consumer(BusAddresses.INTAKE, this::intake));
        consumers.add(bus.<JsonObject>consumer(BusAddresses.CALL_LEFT, m -> apply(effects ->
                floor.callLeft(CallLeft.fromJson(m.body()).callId(), now(), effects))));
        consumers.add(bus.<JsonObject>consumer(BusAddresses.CALL_ENDED, m -> apply(effects ->
                floor.callEnded(CallEnded.fromJson(m.body()).callId(), now(), effects))));
        consumers.add(bus.<JsonObject>consumer(BusAddresses.TIP_SAVED, m -> {
            TipSaved saved = TipSaved.fromJson(m.body());
            apply(effects -> floor.tipSaved(saved.operatorId(), saved.callId(), now(), effects));
        }));
        consumers.add(bus.<JsonObject>consumer(BusAddresses.OPERATOR_ACTIONS, this::operatorAction));
        consumers.add(bus.<JsonObject>consumer(BusAddresses.CALL_OWNER_STORED, m -> {
            CallOwnerChanged change = CallOwnerChanged.fromJson(m.body());
            apply(effects -> floor.ownerChanged(change.callId(), change.fromOperatorId(), change.toOperatorId(),
                    now(), effects));
        }));
        consumers.add(bus.<JsonObject>consumer(BusAddresses.PRESENCE, this::presence));
        consumers.add(bus.<JsonObject>consumer(BusAddresses.OPENING_HOURS_CHANGED, m -> readHours()));
        consumers.add(bus.<JsonObject>consumer(BusAddresses.ESCALATIONS, this::escalation));
        consumers.add(bus.<JsonObject>consumer(BusAddresses.CALLBACK_REQUESTED, m -> {
            CallbackRequested requested = CallbackRequested.fromJson(m.body());
            apply(effects -> floor.callbackRequested(requested.callId(), requested.callbackId(), now(), effects));
        }));
        consumers.add(bus.<JsonObject>consumer(BusAddresses.CALLBACK_RESULT, m -> apply(effects ->
                floor.callbackResult(CallbackResult.fromJson(m.body()), now(), effects))));
        vertx.setPeriodic(TICK_MILLIS, id -> apply(effects -> floor.tick(now(), effects)));
        vertx.setPeriodic(QUEUE_PUBLISH_MILLIS, id -> {
            publishQueueChanges();
            metrics.refresh(floor);
        });
        vertx.setPeriodic(WALLBOARD_MILLIS, id -> {
            var board = WallboardView.of(floor, today, now());
            bus.publish(BusAddresses.WALLBOARD, board.withAlerts(thresholds.alerts(board)).toJson());
        });
        refreshToday();
        vertx.setPeriodic(TODAY_REFRESH_MILLIS, id -> {
            refreshToday();
            endCallsEndedMeanwhile();
        });
        apply(effects -> restored.forEach(intake -> floor.restore(intake, now(), effects)));
        restoreOwedCallbacks();
        // Once every consumer is registered (cluster-wide), screen servers re-announce who is connected: after a
        // takeover that rebuilds the floor; on a single process nobody is connected yet and nothing happens.
        List<Future<?>> ready = new ArrayList<>(consumers.stream().map(MessageConsumer::completion).toList());
        // The first callers are decided with the stored hours; a failed read starts open (readHours logs it).
        ready.add(readHours().otherwiseEmpty());
        return Future.all(ready)
                .onSuccess(registered -> bus.publish(BusAddresses.ROUTING_OWNER, new JsonObject()));
    }

    /** Today's answered and abandoned counts come from the database, on a worker, every few seconds. */
    private void refreshToday() {
        Instant midnight = java.time.LocalDate.now(config.zone()).atStartOfDay(config.zone()).toInstant();
        blockingCall(() -> journal.outcomesSince(midnight))
                .onSuccess(counts -> today = counts)
                .onFailure(e -> LOG.debug("Could not count today's calls ({})", e.getClass().getSimpleName()));
        blockingCall(thresholdSource)
                .onSuccess(read -> thresholds = read)
                .onFailure(e -> LOG.debug("Could not read the wallboard thresholds ({})", e.getClass().getSimpleName()));
        readHours();
    }

    private Future<OpeningHours> readHours() {
        return blockingCall(hoursSource)
                .onSuccess(read -> hours = read)
                .onFailure(e -> LOG.warn("Could not read the opening hours ({}); routing keeps {}",
                        e.getClass().getSimpleName(), hours == null ? "the hotline open" : "the hours last read"));
    }

    private void intake(Message<JsonObject> message) {
        CallIntake intake;
        try {
            intake = CallIntake.fromJson(message.body());
        } catch (RuntimeException e) {
            LOG.warn("Refused a malformed intake: {}", e.getMessage());
            message.fail(400, "malformed intake");
            return;
        }
        Instant now = now();
        var closed = AfterHours.refusal(hours, intake, floor.waitingCall(intake.callId()).isPresent(), now);
        if (closed.isPresent()) {
            metrics.closedByHours();
            message.reply(closed.get().toJson());
            return;
        }
        List<Effect> effects = new ArrayList<>();
        IntakeReply reply = floor.intake(intake, now, effects);
        message.reply(reply.toJson());
        carryOut(effects);
    }

    private void operatorAction(Message<JsonObject> message) {
        OperatorAction action;
        try {
            action = OperatorAction.fromJson(message.body());
        } catch (RuntimeException e) {
            LOG.warn("Ignored a malformed operator action");
            return;
        }
        apply(effects -> {
            switch (action.action()) {
                case AVAILABLE -> floor.available(action.operatorId(), now(), effects);
                case AWAY -> floor.away(action.operatorId(), now(), effects);
                case EXTEND_WRAP_UP -> floor.extendWrapUp(action.operatorId(), now(), effects);
                case DECLINE -> {
                    if (!floor.decline(action.operatorId(), String.valueOf(action.callId()), action.reason(), now(),
                            effects)) {
                        // The screen asks for a reason first; a decline without one (an old tab) changes nothing.
                        LOG.info("An emergency offer was declined without a reason; the offer stands");
                    }
                }
                case CALL_BACK -> floor.callBack(action.operatorId(), String.valueOf(action.callId()), effects);
                case ACCEPT -> {
                    String callId = String.valueOf(action.callId());
                    // A repeat of an accept already connecting (a second tab, a double click) is no refusal.
                    boolean repeat = floor.connecting(action.operatorId(), callId);
                    if (!repeat && !floor.accept(action.operatorId(), callId, now(), effects)) {
                        screen(action.operatorId(), new ScreenMessage.OfferWithdrawn(action.callId(), "not-yours"));
                    }
                }
            }
        });
    }

    private void presence(Message<JsonObject> message) {
        Presence presence = Presence.fromJson(message.body());
        // Acknowledged on receipt: the screen server retries until some owner has it.
        message.reply(new JsonObject());
        if (!presenceOrder.fresh(presence)) {
            LOG.info("Ignored a {} presence of operator {} older than one already applied (a retry)",
                    presence.kind(), presence.operatorId());
            return;
        }
        switch (presence.kind()) {
            case CONNECTED -> vertx.executeBlocking(() -> directory.byId(presence.operatorId()), false)
                    .onSuccess(found -> found.filter(o -> o.enabled())
                            .ifPresent(operator -> {
                                apply(effects -> floor.connected(operator, now(), effects));
                                catchUp(operator.id());
                            }))
                    .onFailure(e -> LOG.warn("Could not load an operator who connected ({})",
                            e.getClass().getSimpleName()));
            case DISCONNECTED -> apply(effects -> floor.disconnected(presence.operatorId(), now(), effects));
            case SIGNED_OUT -> apply(effects -> floor.signedOut(presence.operatorId(), now(), effects));
            case RESUMED -> vertx.executeBlocking(() -> directory.byId(presence.operatorId())
                            .filter(Operator::enabled)
                            .map(operator -> new Resumed(operator, directory.lastState(operator.id()))), false)
                    .onSuccess(found -> found.ifPresent(resumed -> {
                        RecordedState last = resumed.last().orElse(new RecordedState(OperatorState.AWAY, null));
                        apply(effects -> floor.resumed(resumed.operator(), last.state(), last.callId(), now(),
                                effects));
                        catchUp(resumed.operator().id());
                        endCallsEndedMeanwhile();
                    }))
                    .onFailure(e -> LOG.warn("Could not restore an operator after a takeover ({})",
                            e.getClass().getSimpleName()));
        }
    }

    /** An escalation acknowledged by a duty person: the caller still waiting is brought to them. */
    private void escalation(Message<JsonObject> message) {
        EscalationStatus status;
        try {
            status = EscalationStatus.fromJson(message.body());
        } catch (RuntimeException e) {
            LOG.warn("Ignored a malformed escalation status");
            return;
        }
        if (EscalationStatus.ACKNOWLEDGED.equals(status.state())) {
            apply(effects -> floor.onCall(status.callId(), now(), effects));
        }
    }

    private record Resumed(Operator operator, java.util.Optional<RecordedState> last) {
    }

    /**
     * Operators restored on a call whose end was published while no node owned routing: the database has the end
     * (the hangup handler's report), so they get the normal end of a call, wrap-up. Run at each resume and every
     * few seconds while such a seat is on its restored call (the end's record may lag behind the end).
     */
    private void endCallsEndedMeanwhile() {
        java.util.Set<String> calls = EndedMeanwhile.toCheck(floor.seats());
        if (calls.isEmpty()) {
            return;
        }
        blockingCall(() -> calls.stream()
                .filter(callId -> EndedMeanwhile.ended(journal.find(callId), journal.steps(callId))).toList())
                .onSuccess(ended -> ended.forEach(callId -> {
                    LOG.info("Call {} ended while no node owned routing; its operator goes to wrap-up", callId);
                    apply(effects -> floor.callEnded(callId, now(), effects));
                }))
                .onFailure(e -> LOG.debug("Could not check the restored calls ({})", e.getClass().getSimpleName()));
    }

    private void apply(java.util.function.Consumer<List<Effect>> change) {
        List<Effect> effects = new ArrayList<>();
        change.accept(effects);
        carryOut(effects);
    }

    private void carryOut(List<Effect> effects) {
        for (Effect effect : effects) {
            switch (effect) {
                case Effect.Offer offer -> offer(offer);
                case Effect.Withdraw withdraw -> {
                    screen(withdraw.operatorId(), new ScreenMessage.OfferWithdrawn(withdraw.callId(), withdraw.reason()));
                    if ("expired".equals(withdraw.reason())) {
                        metrics.offerTimedOut();
                    } else if (Connecting.HAND_OFF_LOST.equals(withdraw.reason())) {
                        metrics.handOffLost();
                        LOG.warn("The IVR never answered the hand-off of call {}; the operator is given back",
                                withdraw.callId());
                    }
                }
                case Effect.State state -> state(state);
                case Effect.Assign assign -> assign(assign);
                case Effect.Connected connected -> connected(connected);
                case Effect.TakenOver taken -> activeCall(taken.callId()).onSuccess(found -> found.ifPresent(
                        active -> screen(taken.operatorId(), active)));
                case Effect.Refuse refuse -> vertx.eventBus().send(BusAddresses.ivrCall(refuse.callId()),
                        HoldUpdate.refused(refuse.reason()).toJson());
                case Effect.ToRoom toRoom -> {
                    LOG.warn("Call {} was taken by the on-call duty person; the caller is sent to them",
                            toRoom.callId());
                    vertx.eventBus().send(BusAddresses.ivrCall(toRoom.callId()), HoldUpdate.onCall().toJson());
                }
                case Effect.CallbackTaken taken -> callbackTaken(taken);
                case Effect.CallbackState state -> screen(state.operatorId(),
                        new ScreenMessage.Callback(state.callId(), state.state(), state.attempts()));
                case Effect.DialCallback dial -> dialCallback(dial);
                case Effect.Escalate escalate -> {
                    LOG.warn("Emergency call {} needs escalation ({})", escalate.callId(), escalate.kind());
                    vertx.eventBus().publish(BusAddresses.ESCALATION_NEEDED, new EscalationNeeded(escalate.kind(),
                            escalate.callId(), escalate.language(), escalate.since()).toJson());
                }
            }
        }
    }

    @Override
    public Future<?> stop() {
        writes.close();
        return Future.succeededFuture();
    }

    /**
     * Callbacks owed when routing starts (the hotline restarted): each call the journal has at step
     * callback-requested whose number the vault still keeps goes back in the queue; numbers past their retention
     * are left to the IVR's sweep, which destroys them and records the attempt.
     */
    private void restoreOwedCallbacks() {
        if (owedCallbacks == null) {
            return;
        }
        blockingCall(() -> {
            Map<String, String> owed = owedCallbacks.apply(now());
            return owed.isEmpty() ? List.<Map.Entry<CallIntake, String>>of()
                    : journal.callbacksOwed(now().minus(Duration.ofDays(2))).stream()
                    .filter(intake -> owed.containsKey(intake.callId()))
                    .map(intake -> Map.entry(intake, owed.get(intake.callId()))).toList();
        }).onSuccess(owed -> {
            if (!owed.isEmpty()) {
                LOG.info("{} callback(s) owed from before the restart are back in the queue", owed.size());
            }
            apply(effects -> owed.forEach(e -> floor.restoreCallback(e.getKey(), e.getValue(), now(), effects)));
        }).onFailure(e -> LOG.warn("Could not restore the callbacks owed ({})", e.getClass().getSimpleName()));
    }

    /** Where the callbacks owed at a restart are read from: call id to callback id at a time. */
    public RoutingVerticle owedCallbacks(java.util.function.Function<Instant, Map<String, String>> source) {
        this.owedCallbacks = source;
        return this;
    }

    /** The operator took a callback: the call is theirs (journal), and the screen shows it with Call back. */
    private void callbackTaken(Effect.CallbackTaken taken) {
        Instant now = now();
        persist(() -> journal.assigned(taken.callId(), taken.operatorId()));
        screen(taken.operatorId(), new ScreenMessage.Callback(taken.callId(), "waiting", 0));
        activeCall(taken.callId()).onSuccess(found -> found.ifPresent(active -> {
            metrics.answered(Duration.between(Instant.ofEpochMilli(active.call().queuedAt()), now));
            screen(taken.operatorId(), asCallback(active));
        }));
    }

    private static ScreenMessage.ActiveCall asCallback(ScreenMessage.ActiveCall active) {
        ScreenMessage.CallCard c = active.call();
        return new ScreenMessage.ActiveCall(new ScreenMessage.CallCard(c.callId(), c.language(), c.purpose(),
                c.priority(), c.queuedAt(), true), active.earlierCalls());
    }

    /**
     * Asks call control to make the callback. Its result comes back published on CALLBACK_RESULT; only when no
     * call control answers (not deployed, or it replied without dialling) is the reply turned into the result.
     */
    private void dialCallback(Effect.DialCallback dial) {
        LOG.info("Callback on call {} started by operator {}", dial.callId(), dial.operatorId());
        vertx.eventBus().<JsonObject>request(BusAddresses.CALLBACK_DIAL,
                new CallbackDial(dial.callId(), dial.callbackId(), dial.operatorId(), dial.endpoint()).toJson(),
                new DeliveryOptions().setSendTimeout(CALLBACK_DIAL_TIMEOUT.toMillis())).onComplete(reply -> {
                    CallbackResult result = reply.succeeded() ? CallbackResult.fromJson(reply.result().body())
                            : new CallbackResult(dial.callId(), dial.callbackId(),
                            CallbackResult.Result.UNAVAILABLE, 0, 0);
                    if (result.result() == CallbackResult.Result.UNAVAILABLE) {
                        apply(effects -> floor.callbackResult(result, now(), effects));
                    }
                });
    }

    private void offer(Effect.Offer offer) {
        floor.waitingCall(offer.callId()).ifPresent(call -> {
            screen(offer.operatorId(), new ScreenMessage.Offer(call.card(), offer.expiresAt(), offer.interpreter()));
            Instant now = now();
            if (call.declinedBy.isEmpty()) {
                metrics.offered(Duration.between(call.queuedAt, now));
            }
            persist(() -> journal.offered(offer.callId(), now));
        });
    }

    private void state(Effect.State state) {
        screen(state.operatorId(), new ScreenMessage.Status(state.state().code(), state.callId(), state.reason()));
        Instant now = now();
        stateWrites.submit(state.operatorId(), () -> persist(
                () -> directory.recordState(state.operatorId(), state.state(), now, state.callId(), state.reason())));
        if (state.state() == OperatorState.WRAP_UP) {
            floor.seat(state.operatorId()).ifPresent(seat -> screen(seat.id(),
                    new ScreenMessage.CallEnded(state.callId(), seat.wrapUpSince.toEpochMilli(),
                            seat.wrapUpUntil.toEpochMilli())));
        }
    }

    /**
     * Asks the IVR to take the hand-off and tells the operator it is connecting. An answer decides. A send that
     * fails at once (no IVR holds the call) lets the floor wait briefly for the caller's leaving; with no reply at
     * all, the floor gives the operator back at the hand-off backstop on its own clock.
     */
    private void assign(Effect.Assign assign) {
        screen(assign.operatorId(), new ScreenMessage.Connecting(assign.callId()));
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(config.handOffTimeout().toMillis());
        vertx.eventBus().<JsonObject>request(BusAddresses.ivrCall(assign.callId()),
                HoldUpdate.assigned(assign.endpoint(), assign.takeBy()).toJson(), options).onComplete(reply -> {
                    if (reply.failed()) {
                        boolean timedOut = reply.cause() instanceof ReplyException e
                                && e.failureType() == ReplyFailure.TIMEOUT;
                        LOG.debug("No answer to the hand-off of call {} ({})", assign.callId(),
                                reply.cause().getMessage());
                        if (!timedOut) {
                            apply(effects -> floor.noIvrHolds(assign.operatorId(), assign.callId(), now(), effects));
                        }
                        return;
                    }
                    HandOffReply answer = answer(reply.result().body());
                    if (answer == null) {
                        LOG.warn("Ignored a malformed answer to the hand-off of call {}", assign.callId());
                        return;
                    }
                    metrics.handOff(answer.answer());
                    apply(effects -> floor.handedOff(assign.operatorId(), assign.callId(), answer.answer(), now(),
                            effects));
                });
    }

    private static HandOffReply answer(JsonObject body) {
        try {
            return HandOffReply.fromJson(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void connected(Effect.Connected connected) {
        Instant now = now();
        persist(() -> journal.assigned(connected.callId(), connected.operatorId()));
        activeCall(connected.callId()).onSuccess(found -> found.ifPresent(active -> {
            metrics.answered(Duration.between(Instant.ofEpochMilli(active.call().queuedAt()), now));
            screen(connected.operatorId(), active);
        }));
    }

    /**
     * A screen that (re)connects gets the queue as it is, the call it is connecting to, and the call it is on,
     * without waiting for a change.
     */
    private void catchUp(String operatorId) {
        screen(operatorId, lastQueue);
        floor.seat(operatorId).filter(seat -> seat.assigning)
                .ifPresent(seat -> screen(operatorId, new ScreenMessage.Connecting(seat.callId)));
        floor.seat(operatorId).filter(seat -> seat.callId != null
                        && (seat.state == OperatorState.ON_CALL || seat.state == OperatorState.WRAP_UP))
                .ifPresent(seat -> activeCall(seat.callId).onSuccess(found -> found.ifPresent(active ->
                        screen(operatorId, seat.callbackId != null ? asCallback(active) : active))));
        floor.seat(operatorId).filter(seat -> seat.callbackId != null).ifPresent(seat -> screen(operatorId,
                new ScreenMessage.Callback(seat.callId, seat.callbackDialing ? "ringing" : "waiting", 0)));
    }

    /** The call card an operator on the call may see, loaded on a worker (the floor forgets handed-off calls). */
    private Future<java.util.Optional<ScreenMessage.ActiveCall>> activeCall(String callId) {
        return blockingCall(() -> journal.find(callId).map(call -> {
            int earlier = call.pseudonym() == null ? 0 : journal.earlierCallsOf(call.callId());
            return new ScreenMessage.ActiveCall(new ScreenMessage.CallCard(call.callId(), call.language(),
                    call.purpose(), call.priority(), call.enteredAt().toEpochMilli()), earlier);
        })).onFailure(e -> LOG.warn("Could not load the operator's call ({})", e.getClass().getSimpleName()));
    }

    private void publishQueueChanges() {
        Map<String, Integer> positions = floor.positions();
        positions.forEach((callId, position) -> {
            if (!position.equals(lastPositions.get(callId))) {
                vertx.eventBus().send(BusAddresses.ivrCall(callId), HoldUpdate.position(position).toJson());
            }
        });
        lastPositions = positions;
        ScreenMessage.Queue queue = ScreenMessage.Queue.of(floor.inServiceOrder().stream().map(WaitingCall::card)
                .toList());
        if (!queue.equals(lastQueue)) {
            lastQueue = queue;
            // Encoded once for every screen, not once per operator.
            JsonObject message = queue.toJson();
            floor.seats().forEach(seat -> vertx.eventBus().publish(BusAddresses.operatorScreen(seat.id()), message));
        }
    }

    private void screen(String operatorId, ScreenMessage message) {
        // Published, so every tab the operator has open stays in step.
        vertx.eventBus().publish(BusAddresses.operatorScreen(operatorId), message.toJson());
    }

    /**
     * Stores a routing record off the event loop, trying again while the database is unreachable. A failure is
     * logged without personal data and never stops routing.
     */
    private CompletableFuture<Void> persist(Runnable write) {
        return writes.submit(write).exceptionally(failure -> {
            if (failure instanceof org.hotline.core.lease.FencedOff
                    || failure.getCause() instanceof org.hotline.core.lease.FencedOff) {
                // Another node owns routing: the lease keeper logs that once and stands this node down.
                LOG.debug("A routing record was fenced off: this node no longer owns routing");
                return null;
            }
            LOG.warn("Could not record a dispatch event ({}); routing goes on", failure.getClass().getSimpleName());
            return null;
        });
    }

    private <T> Future<T> blockingCall(java.util.concurrent.Callable<T> call) {
        return vertx.executeBlocking(call, false);
    }

    private Instant now() {
        return clock.instant();
    }
}
