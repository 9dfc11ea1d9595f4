package org.hotline.agi;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallEnded;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.CallLeft;
import org.hotline.core.bus.HandOffReply;
import org.hotline.core.bus.HoldUpdate;
import org.hotline.core.bus.IntakeReply;

/**
 * A stand-in for the dispatch module, written as a real event-bus consumer on the real addresses: it
 * answers intakes as told and records every message the IVR sends, so tests can inspect the bus traffic.
 */
public final class FakeDispatch implements AutoCloseable {
    private final Vertx vertx;
    private final List<MessageConsumer<JsonObject>> consumers = new CopyOnWriteArrayList<>();
    private final List<CallIntake> intakes = new CopyOnWriteArrayList<>();
    private final List<CallLeft> lefts = new CopyOnWriteArrayList<>();
    private final List<CallEnded> ends = new CopyOnWriteArrayList<>();
    private final List<String> rawMessages = new CopyOnWriteArrayList<>();
    private volatile IntakeReply reply = IntakeReply.queuedAt(1);
    private volatile Consumer<CallIntake> onIntake = intake -> { };

    FakeDispatch(Vertx vertx) {
        this.vertx = vertx;
        consumers.add(vertx.eventBus().<JsonObject>consumer(BusAddresses.INTAKE, message -> {
            rawMessages.add(message.body().encode());
            CallIntake intake = CallIntake.fromJson(message.body());
            intakes.add(intake);
            message.reply(reply.toJson());
            onIntake.accept(intake);
        }));
        consumers.add(vertx.eventBus().<JsonObject>consumer(BusAddresses.CALL_LEFT, message -> {
            rawMessages.add(message.body().encode());
            lefts.add(CallLeft.fromJson(message.body()));
        }));
        consumers.add(vertx.eventBus().<JsonObject>consumer(BusAddresses.CALL_ENDED, message -> {
            rawMessages.add(message.body().encode());
            ends.add(CallEnded.fromJson(message.body()));
        }));
        consumers.forEach(c -> c.completion().toCompletionStage().toCompletableFuture().join());
    }

    /** Answers every intake with this reply from now on. */
    public FakeDispatch replyWith(IntakeReply reply) {
        this.reply = reply;
        return this;
    }

    /** Runs after each intake is answered (for example, to assign an operator a little later). */
    public FakeDispatch onIntake(Consumer<CallIntake> action) {
        this.onIntake = action;
        return this;
    }

    /** An assignment to {@code target} the IVR may take for the next minute, as dispatch would send it. */
    public static HoldUpdate assignment(String target) {
        return HoldUpdate.assigned(target, System.currentTimeMillis() + Duration.ofMinutes(1).toMillis());
    }

    /** Assigns every queued call to {@code target} after {@code delay}. */
    public FakeDispatch assignEachTo(String target, Duration delay) {
        return onIntake(intake -> vertx.setTimer(Math.max(1, delay.toMillis()),
                id -> vertx.eventBus().request(BusAddresses.ivrCall(intake.callId()),
                        assignment(target).toJson())));
    }

    /** Sends a hold update to a call and, for an assignment, waits for the IVR's answer. */
    public HandOffReply assign(String callId, String target) throws Exception {
        return assign(callId, assignment(target));
    }

    /** Sends this assignment to a call and waits for the IVR's answer. */
    public HandOffReply assign(String callId, HoldUpdate assignment) throws Exception {
        var reply = vertx.eventBus().<JsonObject>request(BusAddresses.ivrCall(callId), assignment.toJson())
                .toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        return HandOffReply.fromJson(reply.body());
    }

    public void send(String callId, HoldUpdate update) {
        vertx.eventBus().send(BusAddresses.ivrCall(callId), update.toJson());
    }

    public List<CallIntake> intakes() {
        return intakes;
    }

    public List<CallLeft> lefts() {
        return lefts;
    }

    public List<CallEnded> ends() {
        return ends;
    }

    /** Every message body the IVR put on the bus, as JSON text, for privacy checks. */
    public List<String> rawMessages() {
        return rawMessages;
    }

    @Override
    public void close() {
        consumers.forEach(c -> c.unregister().toCompletionStage().toCompletableFuture().join());
    }
}
