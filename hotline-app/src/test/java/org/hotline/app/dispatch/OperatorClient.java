package org.hotline.app.dispatch;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.OperatorAction;
import org.hotline.core.bus.Presence;

/**
 * A simulated operator on the real event bus, speaking exactly what the browser bridge relays: presence, button
 * presses, and the messages pushed to the operator's screen address.
 */
final class OperatorClient implements AutoCloseable {
    private final Vertx vertx;
    private final String operatorId;
    private final MessageConsumer<JsonObject> screen;
    final List<JsonObject> received = new CopyOnWriteArrayList<>();

    OperatorClient(Vertx vertx, String operatorId) {
        this.vertx = vertx;
        this.operatorId = operatorId;
        this.screen = vertx.eventBus().consumer(BusAddresses.operatorScreen(operatorId),
                message -> received.add(message.body()));
        screen.completion().toCompletionStage().toCompletableFuture().join();
        vertx.eventBus().send(BusAddresses.PRESENCE, new Presence(operatorId, Presence.Kind.CONNECTED).toJson());
    }

    /** A new operator speaking one language, added straight to the directory (these tests never sign in). */
    static org.hotline.dispatch.operators.Operator newOperator(org.hotline.dispatch.operators.OperatorDirectory directory,
                                                             String username, org.hotline.core.call.Language language,
                                                             String endpoint) {
        return directory.add(new org.hotline.dispatch.operators.NewOperator(username, username,
                org.hotline.dispatch.operators.Role.OPERATOR, java.util.Set.of(language), false, endpoint),
                "$argon2id$unused");
    }

    /** An operator who connected and then went available, once routing has confirmed both. */
    static OperatorClient onFloor(Vertx vertx, String operatorId) {
        OperatorClient client = new OperatorClient(vertx, operatorId);
        await().until(() -> "away".equals(client.lastState()));
        client.press(OperatorAction.Action.AVAILABLE, null);
        await().until(() -> "available".equals(client.lastState()));
        return client;
    }

    void press(OperatorAction.Action action, String callId) {
        vertx.eventBus().send(BusAddresses.OPERATOR_ACTIONS, new OperatorAction(operatorId, action, callId).toJson());
    }

    /** Declines an offer giving a reason code (null: none). */
    void decline(String callId, String reason) {
        vertx.eventBus().send(BusAddresses.OPERATOR_ACTIONS,
                new OperatorAction(operatorId, OperatorAction.Action.DECLINE, callId, reason).toJson());
    }

    void disconnect() {
        vertx.eventBus().send(BusAddresses.PRESENCE, new Presence(operatorId, Presence.Kind.DISCONNECTED).toJson());
    }

    List<JsonObject> of(String type) {
        return received.stream().filter(m -> type.equals(m.getString("type"))).toList();
    }

    String lastState() {
        List<JsonObject> states = of("status");
        return states.isEmpty() ? null : states.getLast().getString("state");
    }

    @Override
    public void close() {
        screen.unregister();
    }
}
