package org.hotline.dispatch.screen;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.OperatorAction;
import org.hotline.core.bus.Presence;
import org.hotline.dispatch.operators.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's access control, on top of {@link BridgePermissions}: every socket belongs to the signed-in session
 * that opened it, and every event is checked against that session while it lives.
 * <ul>
 *   <li>no live signed-in session, no socket; a session that ends (signed out, expired) closes its sockets;</li>
 *   <li>an operator registers only on their own screen address, and only managers on the wallboard;</li>
 *   <li>an operator's actions are stamped with the session's operator id, whatever the browser claimed;</li>
 *   <li>an operator's screen tells dispatch they are present once it listens on their address, and their last
 *   socket closing (or going idle) that they are gone, so an offer is never left on a screen nobody sees.</li>
 * </ul>
 * Refusals are logged in one line, without message content.
 */
final class BridgeGuard implements Handler<BridgeEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeGuard.class);
    /** A socket refused this often is closed: a screen of ours never asks for what it may not have. */
    private static final int REFUSALS_BEFORE_CLOSE = 10;

    /** Tries to tell the routing owner of a presence change; more than covers a takeover's election. */
    private static final int PRESENCE_ATTEMPTS = 20;
    private static final long PRESENCE_RETRY_MILLIS = 500;
    private static final long PRESENCE_TIMEOUT_MILLIS = 2_000;

    private final Vertx vertx;
    private final EventBus bus;
    private final Duration absoluteTimeout;
    private final Clock clock;
    private final Map<SockJSSocket, Connection> connections = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong lastStamp = new java.util.concurrent.atomic.AtomicLong();

    BridgeGuard(Vertx vertx, Duration absoluteTimeout, Clock clock) {
        this.vertx = vertx;
        this.bus = vertx.eventBus();
        this.absoluteTimeout = absoluteTimeout;
        this.clock = clock;
    }

    @Override
    public void handle(BridgeEvent event) {
        BridgeEventType type = event.type();
        switch (type) {
            case SOCKET_CREATED -> created(event);
            case SOCKET_CLOSED, SOCKET_IDLE -> {
                gone(event.socket());
                event.complete(true);
            }
            case SOCKET_ERROR, UNREGISTER -> event.complete(true);
            case SOCKET_PING -> {
                if (current(event) != null) {
                    event.complete(true);
                }
            }
            case REGISTERED -> registered(event);
            case REGISTER -> register(event);
            case SEND -> send(event);
            case RECEIVE -> receive(event);
            case PUBLISH -> refuse(event, connections.get(event.socket()), "browsers may not publish");
            default -> refuse(event, connections.get(event.socket()), "unknown event");
        }
    }

    /** Closes every socket opened with this session; called when it signs out. */
    void closeAll(Session session) {
        connections.forEach((socket, connection) -> {
            if (connection.session == session) {
                socket.close();
            }
        });
    }

    /**
     * Closes every socket of one person except those of {@code keepSessionId}, as their sign-out would: an operator
     * with a screen here leaves the floor (signed out, their offer or call handled as on sign-out) before the
     * sockets close, so the closing is not taken for a mere disconnection. Answers how many sockets closed.
     */
    int endPerson(String operatorId, String keepSessionId) {
        java.util.List<SockJSSocket> closing = new java.util.ArrayList<>();
        boolean operator = false;
        for (Map.Entry<SockJSSocket, Connection> entry : connections.entrySet()) {
            Connection connection = entry.getValue();
            if (connection.who.operatorId().equals(operatorId) && !connection.ended
                    && (keepSessionId == null || !keepSessionId.equals(connection.session.id()))) {
                // Marked, not removed: its closing is then no "disconnected", and what is still on its way is dropped.
                connection.ended = true;
                operator |= connection.who.role() == Role.OPERATOR;
                closing.add(entry.getKey());
            }
        }
        if (operator) {
            signedOut(operatorId);
        }
        closing.forEach(SockJSSocket::close);
        return closing.size();
    }

    private void created(BridgeEvent event) {
        SockJSSocket socket = event.socket();
        RoutingContext context = socket.routingContext();
        Session session = context == null ? null : context.session();
        Optional<SignedIn> who = ScreenSession.alive(session, absoluteTimeout, clock.instant())
                ? SignedIn.of(context) : Optional.empty();
        if (who.isEmpty()) {
            refuse(event, null, "no signed-in session");
            return;
        }
        connections.put(socket, new Connection(who.get(), session));
        event.complete(true);
    }

    /**
     * An operator's screen now listens on its address: only now is dispatch told they are present, so the state
     * it answers with (and any offer after it) cannot be published before the screen can hear it.
     */
    private void registered(BridgeEvent event) {
        Connection connection = current(event);
        if (connection == null) {
            return;
        }
        if (connection.who.role() == Role.OPERATOR
                && BusAddresses.operatorScreen(connection.who.operatorId()).equals(address(event))) {
            connection.listening = true;
            presence(connection.who.operatorId(), Presence.Kind.CONNECTED);
        }
        event.complete(true);
    }

    private void gone(SockJSSocket socket) {
        Connection connection = connections.remove(socket);
        if (connection == null || connection.ended || connection.who.role() != Role.OPERATOR) {
            return;
        }
        String operatorId = connection.who.operatorId();
        boolean anotherScreen = connections.values().stream()
                .anyMatch(c -> !c.ended && c.who.operatorId().equals(operatorId));
        if (!anotherScreen) {
            presence(operatorId, Presence.Kind.DISCONNECTED);
        }
    }

    private void register(BridgeEvent event) {
        Connection connection = current(event);
        if (connection == null) {
            return;
        }
        String address = address(event);
        if (address == null) {
            refuse(event, connection, "address missing or too long");
        } else if (!mayReceive(connection.who, address)) {
            refuse(event, connection, "address not this session's");
        } else {
            event.complete(true);
        }
    }

    private void send(BridgeEvent event) {
        Connection connection = current(event);
        if (connection == null) {
            return;
        }
        String address = address(event);
        if (!BusAddresses.OPERATOR_ACTIONS.equals(address) || connection.who.role() != Role.OPERATOR) {
            refuse(event, connection, "address not open to this session");
            return;
        }
        if (!(event.getRawMessage().getValue("body") instanceof JsonObject body)) {
            refuse(event, connection, "action is not an object");
            return;
        }
        OperatorAction action;
        try {
            // The browser's claim to an operator id is overwritten by the session's, before anything reads it.
            action = OperatorAction.fromJson(new JsonObject().put("action", body.getValue("action"))
                    .put("callId", body.getValue("callId")).put("reason", body.getValue("reason"))
                    .put(OperatorAction.OPERATOR_FIELD, connection.who.operatorId()));
        } catch (RuntimeException e) {
            refuse(event, connection, "malformed action");
            return;
        }
        connection.session.setAccessed();
        // Rebuilt whole, so no reply address or headers from the browser travel on.
        event.setRawMessage(new JsonObject().put("type", "send").put("address", BusAddresses.OPERATOR_ACTIONS)
                .put("body", action.toJson()));
        event.complete(true);
    }

    private void receive(BridgeEvent event) {
        Connection connection = current(event);
        if (connection == null) {
            return;
        }
        String address = address(event);
        if (address == null || !mayReceive(connection.who, address)) {
            refuse(event, connection, "delivery to another session's address");
        } else {
            event.complete(true);
        }
    }

    private static boolean mayReceive(SignedIn who, String address) {
        if (address.equals(BusAddresses.callControlScreen(who.operatorId()))) {
            return true;
        }
        if (who.role() == Role.OPERATOR) {
            return address.equals(BusAddresses.operatorScreen(who.operatorId()));
        }
        return who.role().canManage()
                && (address.equals(BusAddresses.WALLBOARD) || address.equals(BusAddresses.LIVE_CALLS)
                || address.equals(BusAddresses.ESCALATIONS));
    }

    /**
     * The socket's connection if its session still lives as the same person; otherwise the event is refused and
     * the socket closed, and an operator whose session expired is signed out of the floor.
     */
    private Connection current(BridgeEvent event) {
        Connection connection = connections.get(event.socket());
        if (connection == null) {
            refuse(event, null, "socket has no session");
            return null;
        }
        if (connection.ended) {
            // Its person's sessions were ended by an admin; the socket is closing.
            event.complete(false);
            return null;
        }
        boolean alive = ScreenSession.alive(connection.session, absoluteTimeout, clock.instant());
        if (!alive || !SignedIn.of(event.socket().routingContext()).equals(Optional.of(connection.who))) {
            event.complete(false);
            LOG.info("Closed a screen socket whose session ended (operator {})", connection.who.operatorId());
            if (connection.who.role() == Role.OPERATOR) {
                presence(connection.who.operatorId(), Presence.Kind.SIGNED_OUT);
            }
            event.socket().close();
            return null;
        }
        return connection;
    }

    private static String address(BridgeEvent event) {
        JsonObject raw = event.getRawMessage();
        String address = raw == null ? null : raw.getString("address");
        return address == null || address.length() > BridgePermissions.MAX_ADDRESS_LENGTH ? null : address;
    }

    private void refuse(BridgeEvent event, Connection connection, String reason) {
        event.complete(false);
        LOG.warn("Bridge refused {} ({}; operator {})", event.type(), reason,
                connection == null ? "none" : connection.who.operatorId());
        if (connection != null && ++connection.refusals == REFUSALS_BEFORE_CLOSE) {
            LOG.warn("Closed a screen socket after {} refusals (operator {})", connection.refusals,
                    connection.who.operatorId());
            event.socket().close();
        }
    }

    /**
     * When a routing owner starts (in a cluster: another node took over), tells it about every operator whose
     * screen still listens here, so they keep their state instead of vanishing from the floor.
     */
    void followRoutingOwner() {
        bus.consumer(BusAddresses.ROUTING_OWNER, message -> connections.values().stream()
                .filter(c -> c.listening && !c.ended)
                .map(c -> c.who.operatorId())
                .distinct()
                .forEach(operatorId -> presence(operatorId, Presence.Kind.RESUMED)));
    }

    /** The operator signed out (or their session ended): dispatch takes them off the floor. */
    void signedOut(String operatorId) {
        presence(operatorId, Presence.Kind.SIGNED_OUT);
    }

    /**
     * Tells the routing owner, until it acknowledges. In a cluster the owner may be changing: for a moment there
     * is none, or the bus still lists the dead one's consumer. A change that never arrives would leave an operator
     * off the floor, or offered calls in a browser that is gone.
     */
    private void presence(String operatorId, Presence.Kind kind) {
        deliver(new Presence(operatorId, kind, stamp()).toJson(), PRESENCE_ATTEMPTS);
    }

    /**
     * The time of a presence change: the clock, but strictly after the last stamp, so two changes in one
     * millisecond (a reload) still have an order, and routing can drop a retry older than what it already applied.
     */
    private long stamp() {
        return lastStamp.updateAndGet(last -> Math.max(clock.millis(), last + 1));
    }

    private void deliver(io.vertx.core.json.JsonObject presence, int attemptsLeft) {
        bus.request(BusAddresses.PRESENCE, presence, new DeliveryOptions().setSendTimeout(PRESENCE_TIMEOUT_MILLIS))
                .onFailure(e -> {
                    if (attemptsLeft > 1) {
                        vertx.setTimer(PRESENCE_RETRY_MILLIS, id -> deliver(presence, attemptsLeft - 1));
                    } else {
                        LOG.warn("Dispatch did not acknowledge a presence change ({})", e.getMessage());
                    }
                });
    }

    /** A socket's owner. Events of one socket arrive on one event loop; the count needs no more. */
    private static final class Connection {
        final SignedIn who;
        final Session session;
        int refusals;
        /** Its person's sessions were ended ({@link #endPerson}): closing, nothing more goes through. */
        volatile boolean ended;
        /** Registered on the operator's own screen address: dispatch knows them through this socket. */
        volatile boolean listening;

        Connection(SignedIn who, Session session) {
            this.who = who;
            this.session = session;
        }
    }
}
