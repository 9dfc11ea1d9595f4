package org.hotline.app.screen;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A raw client of the bridge's WebSocket, as a hostile page or script could open it: any Origin, any cookie,
 * any frame. Records every frame it receives and whether the server closed it. Public for the process-level suite
 * in hotline-acceptance.
 */
public final class BridgeSocket implements AutoCloseable {
    public final List<JsonObject> frames = new CopyOnWriteArrayList<>();
    private final WebSocketClient client;
    private final WebSocket socket;
    private volatile boolean closed;

    /** Runs on the connection's event loop as the upgrade completes, so no frame or close can come first. */
    private BridgeSocket(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        if (socket.isClosed()) {
            closed = true;
            return;
        }
        socket.binaryMessageHandler(buffer -> frames.add(new JsonObject(buffer)));
        socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
        socket.closeHandler(v -> closed = true);
    }

    /** Connects, or throws {@link UpgradeRejectedException} (with the HTTP status) when the upgrade is refused. */
    public static BridgeSocket open(Vertx vertx, int port, String origin, String cookies) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/eventbus/websocket");
        if (origin != null) {
            options.addHeader("Origin", origin);
        } else {
            // The client would otherwise send its own Origin; a script outside a browser sends none.
            options.setAllowOriginHeader(false);
        }
        if (cookies != null && !cookies.isEmpty()) {
            options.addHeader("Cookie", cookies);
        }
        try {
            return client.connect(options).map(socket -> new BridgeSocket(client, socket)).toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            client.close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            client.close();
            throw e;
        }
    }

    public void register(String address) {
        frame(new JsonObject().put("type", "register").put("address", address));
    }

    public void send(String address, JsonObject body) {
        frame(new JsonObject().put("type", "send").put("address", address).put("body", body));
    }

    public void ping() {
        frame(new JsonObject().put("type", "ping"));
    }

    public void frame(JsonObject frame) {
        if (!closed) {
            try {
                socket.writeTextMessage(frame.encode());
            } catch (IllegalStateException e) {
                // The server closed it first, which the close handler is about to say.
            }
        }
    }

    public boolean closed() {
        return closed;
    }

    /** Frames delivered from an address (type rec). */
    public List<JsonObject> received(String address) {
        return frames.stream().filter(f -> "rec".equals(f.getString("type")) && address.equals(f.getString("address")))
                .toList();
    }

    /** Refusals the bridge sent back (type err). */
    public List<String> errors() {
        return frames.stream().filter(f -> "err".equals(f.getString("type"))).map(f -> f.getString("body")).toList();
    }

    /** The operator's states, from the status messages on their screen address. */
    public List<String> states(String screenAddress) {
        return received(screenAddress).stream().map(f -> f.getJsonObject("body"))
                .filter(b -> "status".equals(b.getString("type"))).map(b -> b.getString("state")).toList();
    }

    @Override
    public void close() {
        if (!closed) {
            socket.close();
        }
        client.close();
    }
}
