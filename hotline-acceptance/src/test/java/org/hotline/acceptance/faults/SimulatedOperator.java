package org.hotline.acceptance.faults;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.Staff;
import org.hotline.app.screen.BridgeSocket;
import org.hotline.app.screen.ScreenClient;
import org.hotline.core.bus.BusAddresses;

/**
 * An operator at the dispatch screen, without the browser: signs in over HTTP, opens the bridge's WebSocket with
 * the session cookie and the page's Origin, listens on their own screen address, presses the screen's buttons
 * (sent over the bridge) and posts tips to the real tip route with the CSRF token, as the page's scripts do.
 */
final class SimulatedOperator implements AutoCloseable {
    private static final Duration PING_EVERY = Duration.ofSeconds(4);
    private static final Duration SCREEN_WAIT = Duration.ofSeconds(30);

    private final ScreenClient http;
    private final BridgeSocket bridge;
    private final String screen;
    private Instant lastPing = Instant.now();

    private SimulatedOperator(ScreenClient http, BridgeSocket bridge, String screen) {
        this.http = http;
        this.bridge = bridge;
        this.screen = screen;
    }

    /** Signs in and opens the screen; the operator starts away, as after every sign-in. */
    static SimulatedOperator signIn(Vertx vertx, HotlineProcess hotline, String username) {
        ScreenClient http = Staff.signedIn(hotline, username);
        int httpPort = hotline.httpPort();
        String operatorId = new JsonObject(http.get("/api/session").body()).getString("operatorId");
        String screen = BusAddresses.operatorScreen(operatorId);
        try {
            BridgeSocket bridge = BridgeSocket.open(vertx, httpPort, "http://127.0.0.1:" + httpPort,
                    http.cookieHeader());
            bridge.register(screen);
            return new SimulatedOperator(http, bridge, screen);
        } catch (Exception e) {
            throw new IllegalStateException(username + " could not open the screen's socket", e);
        }
    }

    /**
     * Presses "Available" once the screen shows the operator on the floor (away, as after every sign-in), as a
     * person would; a press before that would reach routing before the operator does. Waits until it shows.
     */
    void goAvailable() {
        await().atMost(SCREEN_WAIT).until(() -> !states().isEmpty());
        press("available", null);
        await().atMost(SCREEN_WAIT).until(this::isAvailable);
    }

    void accept(String callId) {
        press("accept", callId);
    }

    /** The operator's states so far, oldest first. */
    List<String> states() {
        return bridge.states(screen);
    }

    boolean isAvailable() {
        List<String> states = states();
        return !states.isEmpty() && "available".equals(states.getLast());
    }

    /** Every message of one type pushed to this operator's screen, oldest first. */
    List<JsonObject> messages(String type) {
        return bridge.received(screen).stream().map(frame -> frame.getJsonObject("body"))
                .filter(body -> type.equals(body.getString("type"))).toList();
    }

    /** Offers made to this operator, by call id. */
    List<String> offeredCalls() {
        return messages("offer").stream().map(offer -> offer.getString("callId")).toList();
    }

    /** Calls this operator was on that have ended (the screen opens the tip form for them). */
    List<String> endedCalls() {
        return messages("call-ended").stream().map(ended -> ended.getString("callId")).toList();
    }

    /**
     * Posts a tip as the tip form does. Answers the HTTP status, or empty when no answer came (the server died
     * mid-request): such a tip is neither acknowledged nor refused, and the form would keep it to send again.
     */
    Optional<Integer> submitTip(JsonObject tip) {
        try {
            return Optional.of(http.postJson("/api/tips", tip.encode(), true).statusCode());
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Keeps the socket alive, as the page pings every few seconds. */
    void pingWhenDue() {
        if (Instant.now().isAfter(lastPing.plus(PING_EVERY))) {
            lastPing = Instant.now();
            bridge.ping();
        }
    }

    boolean disconnected() {
        return bridge.closed();
    }

    private void press(String action, String callId) {
        JsonObject body = new JsonObject().put("action", action);
        if (callId != null) {
            body.put("callId", callId);
        }
        bridge.send(BusAddresses.OPERATOR_ACTIONS, body);
    }

    @Override
    public void close() {
        bridge.close();
    }
}
