package org.hotline.acceptance;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hotline.app.screen.BridgeSocket;
import org.hotline.app.screen.ScreenClient;
import org.hotline.core.bus.BusAddresses;

/**
 * An operator at the dispatch screen, without the browser: signs in over HTTP, opens the bridge's WebSocket with
 * the session cookie and the page's Origin, listens on their own screen address, presses the screen's buttons
 * (sent over the bridge) and posts tips to the real tip route with the CSRF token, as the page's scripts do. It
 * pings the bridge as the page does, and can reopen its screen on another node with the same cookie, as a browser
 * does when the node it was on dies.
 */
public final class SimulatedOperator implements AutoCloseable {
    private static final long PING_MILLIS = 4_000;
    private static final Duration SCREEN_WAIT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final ScreenClient http;
    private final String screen;
    private volatile BridgeSocket bridge;
    private final long pinger;

    private SimulatedOperator(Vertx vertx, ScreenClient http, String screen, int httpPort) {
        this.vertx = vertx;
        this.http = http;
        this.screen = screen;
        openScreen(httpPort);
        this.pinger = vertx.setPeriodic(PING_MILLIS, id -> bridge.ping());
    }

    /** Signs in and opens the screen; the operator starts away, as after every sign-in. */
    public static SimulatedOperator signIn(Vertx vertx, HotlineProcess hotline, String username) {
        ScreenClient http = Staff.signedIn(hotline, username);
        String operatorId = new JsonObject(http.get("/api/session").body()).getString("operatorId");
        return new SimulatedOperator(vertx, http, BusAddresses.operatorScreen(operatorId), hotline.httpPort());
    }

    /**
     * Reopens the screen on another node's HTTP port with the session cookie this operator already holds; the
     * page's posts go there too.
     */
    public void openScreen(int httpPort) {
        http.useServer(httpPort);
        try {
            BridgeSocket opened = BridgeSocket.open(vertx, httpPort, "http://127.0.0.1:" + httpPort,
                    http.cookieHeader());
            opened.register(screen);
            bridge = opened;
        } catch (Exception e) {
            throw new IllegalStateException("could not open the screen's socket on port " + httpPort, e);
        }
    }

    /**
     * Presses "Available" once the screen shows the operator on the floor (away, as after every sign-in), as a
     * person would; a press before that would reach routing before the operator does. Waits until it shows.
     */
    public void goAvailable() {
        await().atMost(SCREEN_WAIT).until(() -> !states().isEmpty());
        int before = states().size();
        press("available", null);
        // Not "is available now": with calls waiting, an offer can follow at once.
        await().atMost(SCREEN_WAIT).until(() -> states().subList(before, states().size()).contains("available"));
    }

    public void accept(String callId) {
        press("accept", callId);
    }

    /** Presses "Away"; an operator on a call stays on it. */
    public void goAway() {
        press("away", null);
    }

    /** The state the screen shows now, or null before the first. */
    public String state() {
        List<String> states = states();
        return states.isEmpty() ? null : states.getLast();
    }

    /** The operator's states so far, oldest first. */
    public List<String> states() {
        return bridge.states(screen);
    }

    public boolean isAvailable() {
        List<String> states = states();
        return !states.isEmpty() && "available".equals(states.getLast());
    }

    /** Every message of one type pushed to this operator's screen, oldest first. */
    public List<JsonObject> messages(String type) {
        return bridge.received(screen).stream().map(frame -> frame.getJsonObject("body"))
                .filter(body -> type.equals(body.getString("type"))).toList();
    }

    /** Offers made to this operator, by call id. */
    public List<String> offeredCalls() {
        return messages("offer").stream().map(offer -> offer.getString("callId")).toList();
    }

    /** Calls this operator was on that have ended (the screen opens the tip form for them). */
    public List<String> endedCalls() {
        return messages("call-ended").stream().map(ended -> ended.getString("callId")).toList();
    }

    /**
     * Posts a tip as the tip form does. Answers the HTTP status, or empty when no answer came (the server died
     * mid-request): such a tip is neither acknowledged nor refused, and the form would keep it to send again.
     */
    public Optional<Integer> submitTip(JsonObject tip) {
        try {
            return Optional.of(http.postJson("/api/tips", tip.encode(), true).statusCode());
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    public boolean disconnected() {
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
        vertx.cancelTimer(pinger);
        bridge.close();
    }
}
