package org.hotline.acceptance.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.hotline.app.screen.BridgeSocket;
import org.hotline.app.screen.ScreenClient;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.OperatorAction;

/**
 * An operator at a screen, as the page does it: signs in over HTTP, opens the bridge with the session cookie,
 * listens on their own screen address, pings, and presses buttons. Can move to another node with the same cookie,
 * as a browser does when its node dies.
 */
final class ScreenOperator implements AutoCloseable {
    private final Vertx vertx;
    private final ScreenClient http;
    private final String operatorId;
    private final String screen;
    private BridgeSocket bridge;
    private long pinger = -1;

    private ScreenOperator(Vertx vertx, ScreenClient http, String operatorId, String screen) {
        this.vertx = vertx;
        this.http = http;
        this.operatorId = operatorId;
        this.screen = screen;
    }

    static ScreenOperator signIn(Vertx vertx, int httpPort, String username, String password) throws Exception {
        ScreenClient http = new ScreenClient(httpPort);
        int status = http.signIn(username, password).statusCode();
        if (status != 303) {
            throw new IllegalStateException("sign-in of " + username + " answered " + status);
        }
        JsonObject session = new JsonObject(http.get("/api/session").body());
        ScreenOperator operator = new ScreenOperator(vertx, http, session.getString("operatorId"),
                session.getJsonObject("addresses").getString("screen"));
        operator.connect(httpPort);
        return operator;
    }

    /** Opens the bridge on a node's HTTP port with the cookie this operator already has. */
    void connect(int httpPort) throws Exception {
        if (pinger >= 0) {
            vertx.cancelTimer(pinger);
        }
        bridge = BridgeSocket.open(vertx, httpPort, "http://127.0.0.1:" + httpPort, http.cookieHeader());
        bridge.register(screen);
        BridgeSocket current = bridge;
        pinger = vertx.setPeriodic(2_000, id -> current.ping());
    }

    void press(OperatorAction.Action action, String callId) {
        bridge.send(BusAddresses.OPERATOR_ACTIONS, new OperatorAction(operatorId, action, callId).toJson());
    }

    /** The screen messages of a type received on the current bridge, oldest first. */
    List<JsonObject> of(String type) {
        return bridge.received(screen).stream().map(f -> f.getJsonObject("body"))
                .filter(b -> type.equals(b.getString("type"))).toList();
    }

    String lastState() {
        List<String> states = bridge.states(screen);
        return states.isEmpty() ? null : states.getLast();
    }

    boolean disconnected() {
        return bridge.closed();
    }

    @Override
    public void close() {
        if (pinger >= 0) {
            vertx.cancelTimer(pinger);
        }
        bridge.close();
    }
}
