package org.hotline.core.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What dispatch pushes to one operator's screen on {@link BusAddresses#operatorScreen(String)}. Every message
 * has a {@code type}; none carries caller data (no number, no name, no pseudonym, only a count of earlier calls).
 */
public sealed interface ScreenMessage {

    String type();

    JsonObject toJson();

    /** The operator's own state, and the call it concerns if any. */
    record Status(String state, String callId, String reason) implements ScreenMessage {
        public String type() {
            return "status";
        }

        public JsonObject toJson() {
            return new JsonObject().put("type", type()).put("state", state).put("callId", callId).put("reason", reason);
        }
    }

    /**
     * A call offered to this operator, until {@code expiresAt} (epoch millis); {@code interpreter} when the
     * operator does not speak the caller's language and takes it with their interpreter.
     */
    record Offer(CallCard call, long expiresAt, boolean interpreter) implements ScreenMessage {
        public String type() {
            return "offer";
        }

        public JsonObject toJson() {
            return call.toJson().put("type", type()).put("expiresAt", expiresAt).put("interpreter", interpreter);
        }
    }

    /** The offer is gone: the caller hung up, it expired, or another operator has the call. */
    record OfferWithdrawn(String callId, String reason) implements ScreenMessage {
        public String type() {
            return "offer-withdrawn";
        }

        public JsonObject toJson() {
            return new JsonObject().put("type", type()).put("callId", callId).put("reason", reason);
        }
    }

    /**
     * The operator accepted and the caller is being put through: the IVR has yet to take the hand-off. What
     * follows is an {@link ActiveCall} (connected), or an {@link OfferWithdrawn} saying why not.
     */
    record Connecting(String callId) implements ScreenMessage {
        public String type() {
            return "connecting";
        }

        public JsonObject toJson() {
            return new JsonObject().put("type", type()).put("callId", callId);
        }
    }

    /** The call this operator is on, with how many earlier calls came from the same (pseudonymous) caller. */
    record ActiveCall(CallCard call, int earlierCalls) implements ScreenMessage {
        public String type() {
            return "active-call";
        }

        public JsonObject toJson() {
            return call.toJson().put("type", type()).put("earlierCalls", earlierCalls);
        }
    }

    /**
     * The call ended; the operator is in wrap-up since {@code wrapUpSince} until they press Ready or save this
     * call's tip. {@code wrapUpUntil} (epoch millis) is the planned end only: nothing happens when it passes, apart
     * from the wallboard showing the wrap-up as long; the operator may extend it.
     */
    record CallEnded(String callId, long wrapUpSince, long wrapUpUntil) implements ScreenMessage {
        public String type() {
            return "call-ended";
        }

        public JsonObject toJson() {
            return new JsonObject().put("type", type()).put("callId", callId).put("wrapUpSince", wrapUpSince)
                    .put("wrapUpUntil", wrapUpUntil);
        }
    }

    /** The tip of a call was saved (perhaps in another tab): every tab closes its form of that call. */
    record TipRecorded(String callId, String tipId) implements ScreenMessage {
        public String type() {
            return "tip-saved";
        }

        public JsonObject toJson() {
            return new JsonObject().put("type", type()).put("callId", callId).put("tipId", tipId);
        }
    }

    /** The calls waiting now, in the order they will be served. */
    /**
     * The queue as a screen shows it: the first {@link #SHOWN} calls in service order, and how many wait in all.
     * Capped because it goes to every signed-in screen: the whole of a long queue, times every operator, would
     * cost the routing event loop and the bridge more than the screens can show.
     */
    record Queue(List<CallCard> shown, int total) implements ScreenMessage {
        /** A screenful. */
        public static final int SHOWN = 20;

        public Queue {
            shown = List.copyOf(shown);
        }

        /** The queue of {@code waiting} calls, in service order. */
        public static Queue of(List<CallCard> waiting) {
            return new Queue(waiting.subList(0, Math.min(SHOWN, waiting.size())), waiting.size());
        }

        public String type() {
            return "queue";
        }

        public JsonObject toJson() {
            JsonArray calls = new JsonArray();
            shown.forEach(c -> calls.add(c.toJson()));
            return new JsonObject().put("type", type()).put("calls", calls).put("total", total);
        }
    }

    /**
     * What an operator may know of a waiting call.
     *
     * @param callId      our call id
     * @param language    language code
     * @param purpose     purpose code
     * @param priority    emergency or normal
     * @param queuedAt    epoch millis when it joined the queue, so screens can show a live wait
     */
    record CallCard(String callId, String language, String purpose, String priority, long queuedAt,
                    boolean callback) {
        /** A call whose caller holds on the line (not a callback). */
        public CallCard(String callId, String language, String purpose, String priority, long queuedAt) {
            this(callId, language, purpose, priority, queuedAt, false);
        }

        public JsonObject toJson() {
            return new JsonObject().put("callId", callId).put("language", language).put("purpose", purpose)
                    .put("priority", priority).put("queuedAt", queuedAt).put("callback", callback);
        }

        public static CallCard fromJson(JsonObject json) {
            return new CallCard(json.getString("callId"), json.getString("language"), json.getString("purpose"),
                    json.getString("priority"), json.getLong("queuedAt", 0L), json.getBoolean("callback", false));
        }
    }

    /**
     * The operator took a callback: {@code state} is {@code waiting} (press Call back), {@code ringing}, then
     * {@code connected}, {@code failed}, {@code expired}, {@code operator-unreachable} or {@code unavailable}
     * (the last two may be tried again), with the number of attempts dialled. Never the number.
     */
    record Callback(String callId, String state, int attempts) implements ScreenMessage {
        public String type() {
            return "callback";
        }

        public JsonObject toJson() {
            return new JsonObject().put("type", type()).put("callId", callId).put("state", state)
                    .put("attempts", attempts);
        }
    }
}
