package org.hotline.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.net.http.WebSocket;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.core.bus.OperatorAction;
import org.hotline.core.bus.ScreenMessage;

/**
 * A simulated operator whose browser is this object: signed in through the real form, connected to the real SockJS
 * bridge's raw WebSocket ({@code <bridge>/websocket}, the path {@code /api/session} names), registered on its own
 * screen address, speaking the vertx-eventbus JSON frames (register, send, ping) as the screen's script does. It
 * presses "available" whenever it is away, accepts every offer at once, and when the call ends saves a substantive
 * tip with one referral through {@code POST /api/tips}, which ends its wrap-up. The listener hears offers and saved
 * tips with the {@link System#nanoTime} they arrived.
 *
 * <p>JDK {@link java.net.http.WebSocket} rather than a Vert.x client: it shares one selector thread with the HTTP
 * client and keeps no per-client event loop or pool, so hundreds of operators cost the bench JVM little.
 */
final class OperatorClient implements AutoCloseable {
    private static final long PING_MILLIS = 5_000;
    private static final int RETRIES = 20;
    private static final java.util.concurrent.Executor RETRY_DELAY =
            CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);
    private static final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();
    private static final String OFFER = new ScreenMessage.Offer(null, 0, false).type();
    private static final String STATUS = new ScreenMessage.Status(null, null, null).type();
    private static final String CALL_ENDED = new ScreenMessage.CallEnded(null, 0, 0).type();

    interface Listener {
        /** An offer reached this operator's socket; {@code queuedAt} is the server's epoch millis at intake. */
        void offered(String callId, long queuedAtMillis, long arrivedNanos, long arrivedEpochMillis);

        /** The tip for this call was saved (201), or failed with another status (-1: no answer). */
        default void tipSaved(String callId, int status, long savedNanos) {
        }
    }

    private final ScreenHttp http;
    private final String screen;
    private final String actions;
    private final Listener listener;
    private final boolean tips;
    private final StringBuilder partial = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final Object sending = new Object();
    private final Object posting = new Object();
    private CompletableFuture<Integer> lastPost = CompletableFuture.completedFuture(0);
    private CompletableFuture<WebSocket> lastSend;
    private volatile WebSocket socket;
    private volatile boolean closed;
    private ScheduledFuture<?> pinger;

    private OperatorClient(ScreenHttp http, JsonObject session, Listener listener, boolean tips) {
        this.http = http;
        this.screen = session.getJsonObject("addresses").getString("screen");
        this.actions = session.getJsonObject("addresses").getString("actions");
        this.listener = listener;
        this.tips = tips;
    }

    /** Signs in, opens the bridge and registers on the screen address; returns once the socket is open. */
    static OperatorClient connect(ScreenHttp http, String username, String password, Listener listener, boolean tips,
                                  ScheduledExecutorService timers) throws Exception {
        JsonObject session = http.signIn(username, password);
        OperatorClient client = new OperatorClient(http, session, listener, tips);
        client.open(session.getString("bridge"), timers);
        return client;
    }

    String screenAddress() {
        return screen;
    }

    private void open(String bridgePath, ScheduledExecutorService timers) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + http.port() + bridgePath);
        socket = http.client().newWebSocketBuilder().header("Origin", http.origin())
                .header("Cookie", http.cookieHeader()).buildAsync(uri, new Frames()).get(30, TimeUnit.SECONDS);
        lastSend = CompletableFuture.completedFuture(socket);
        write(new JsonObject().put("type", "register").put("address", screen));
        pinger = timers.scheduleAtFixedRate(() -> write(new JsonObject().put("type", "ping")), PING_MILLIS,
                PING_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Reassembles messages (one may come in parts) and hands each whole one on. The bridge's raw WebSocket sends
     * its frames as binary messages holding UTF-8 JSON (the screen's bus.js reads them the same way); text is
     * accepted too.
     */
    private final class Frames implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                frame(new JsonObject(text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.write(bytes, 0, bytes.length);
            if (last) {
                String text = binary.toString(StandardCharsets.UTF_8);
                binary.reset();
                frame(new JsonObject(text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }
    }

    private void frame(JsonObject frame) {
        if (!"rec".equals(frame.getString("type"))) {
            return;
        }
        long arrived = System.nanoTime();
        JsonObject body = frame.getJsonObject("body");
        if (body == null) {
            return;
        }
        String type = String.valueOf(body.getString("type"));
        if (OFFER.equals(type)) {
            String callId = body.getString("callId");
            listener.offered(callId, body.getLong("queuedAt", 0L), arrived, System.currentTimeMillis());
            action(OperatorAction.Action.ACCEPT, callId);
        } else if (STATUS.equals(type) && "away".equals(body.getString("state"))) {
            action(OperatorAction.Action.AVAILABLE, null);
        } else if (CALL_ENDED.equals(type) && tips) {
            saveTip(body.getString("callId"));
        } else if (CALL_ENDED.equals(type)) {
            // Wrap-up ends only on the operator's own word (or the call's tip): "Ready for calls".
            action(OperatorAction.Action.AVAILABLE, null);
        }
        // queue, offer-withdrawn, active-call: nothing to press
    }

    private void action(OperatorAction.Action action, String callId) {
        write(new JsonObject().put("type", "send").put("address", actions)
                .put("body", new JsonObject().put("action", action.name().toLowerCase(Locale.ROOT))
                        .put("callId", callId)));
    }

    /** Saves a tip for the call (none: a tip from no call, as the tip-rate phase posts); tells the listener. */
    CompletableFuture<Integer> saveTip(String callId) {
        // One post at a time, each after the last one's answer, as the screen's api.js does: the server renews the
        // CSRF token with every post, and the next call can end (so the next tip be due) before that answer is in.
        synchronized (posting) {
            JsonObject tip = tip(callId);
            CompletableFuture<Integer> saved = lastPost.handle((previous, error) -> null)
                    .thenCompose(ignored -> post(tip, RETRIES))
                    .handle((status, error) -> {
                        int code = error == null ? status : -1;
                        listener.tipSaved(callId, code, System.nanoTime());
                        return code;
                    });
            lastPost = saved;
            return saved;
        }
    }

    /**
     * Posts the tip; a 503 ("still being recorded") is tried again shortly with the same id (idempotent), as a
     * person would press Save again. The server checks that the tip's call is one this operator handled, and
     * records the assignment asynchronously: an operator who talks for 0 s and saves within milliseconds can be
     * ahead of that write. (A 400 is kept for a call whose row is not stored yet either.)
     */
    private CompletableFuture<Integer> post(JsonObject tip, int triesLeft) {
        return http.postJson("/api/tips", tip).thenCompose(status -> {
            if ((status != 503 && status != 400) || triesLeft == 0) {
                return CompletableFuture.completedFuture(status);
            }
            retries.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> null, RETRY_DELAY).thenCompose(x -> post(tip, triesLeft - 1));
        });
    }

    /** Tip posts tried again after a 503 or 400, over all clients. */
    static long retries() {
        return retries.get();
    }

    static void resetRetries() {
        retries.set(0);
    }

    /** A substantive tip with synthetic coded fields only, and one referral (IOM Afghanistan, seeded). */
    static JsonObject tip(String callId) {
        JsonObject tip = new JsonObject().put("id", UUID.randomUUID().toString())
                .put("contactType", "substantive").put("signal", "tip").put("callerType", "family-friend")
                .put("traffickingType", "labour").put("form", "bonded-labour").put("recruitment", "job-offer")
                .put("control", new JsonArray().add("debt")).put("country", "AF").put("region", "AF-HER")
                .put("urgency", "urgent").put("imminentDanger", false).put("consent", "share")
                .put("lawEnforcement", "none").put("summary", "Synthetic benchmark tip.")
                .put("referrals", new JsonArray().add(new JsonObject().put("partnerId", "af-iom")
                        .put("service", "return-reintegration").put("consent", true)));
        if (callId != null) {
            tip.put("callId", callId);
        }
        return tip;
    }

    /** The JDK socket allows one send in flight: frames are chained, in order. */
    private void write(JsonObject frame) {
        if (closed) {
            return;
        }
        String text = frame.encode();
        synchronized (sending) {
            lastSend = lastSend.thenCompose(ws -> ws.sendText(text, true)).exceptionally(e -> {
                closed = true;
                return socket;
            });
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (pinger != null) {
            pinger.cancel(false);
        }
        WebSocket open = socket;
        if (open != null && !closed) {
            closed = true;
            open.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
