package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The screen server tells dispatch about an operator's browser, on {@link BusAddresses#PRESENCE}.
 *
 * @param at when the change happened at the screen server, in epoch milliseconds, strictly increasing per screen
 *           server ({@link #NOT_STAMPED} from an older sender). The screen server retries a presence until some
 *           routing owner acknowledges it, so a retried "disconnected" can arrive after a newer "connected";
 *           routing keeps the newest per operator and ignores anything older.
 */
public record Presence(String operatorId, Kind kind, long at) {
    /** A presence without a time: always applied, as before presences carried one. */
    public static final long NOT_STAMPED = 0;
    static final String AT_FIELD = "at";

    /** What happened to the operator's connection. */
    public enum Kind {
        /** A browser connected over the bridge: the operator is signed in (away until they press available). */
        CONNECTED,
        /** The browser's socket closed or went idle: any offer is withdrawn and the operator goes away. */
        DISCONNECTED,
        /** The operator signed out. */
        SIGNED_OUT,
        /**
         * The browser is still connected, and a new routing owner has taken over (a cluster node died): the
         * owner restores the operator's last recorded state instead of starting them away.
         */
        RESUMED
    }

    /** A presence without a time (tests, older senders). */
    public Presence(String operatorId, Kind kind) {
        this(operatorId, kind, NOT_STAMPED);
    }

    public JsonObject toJson() {
        return new JsonObject().put("operatorId", operatorId).put("kind", kind.name().toLowerCase(Locale.ROOT))
                .put(AT_FIELD, at);
    }

    public static Presence fromJson(JsonObject json) {
        return new Presence(Json.required(json, "operatorId"),
                Kind.valueOf(Json.required(json, "kind").toUpperCase(Locale.ROOT)),
                json.getLong(AT_FIELD, NOT_STAMPED));
    }
}
