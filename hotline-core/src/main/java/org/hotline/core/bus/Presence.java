package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The screen server tells dispatch about an operator's browser, on {@link BusAddresses#PRESENCE}. */
public record Presence(String operatorId, Kind kind) {

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

    public JsonObject toJson() {
        return new JsonObject().put("operatorId", operatorId).put("kind", kind.name().toLowerCase(Locale.ROOT));
    }

    public static Presence fromJson(JsonObject json) {
        return new Presence(Json.required(json, "operatorId"),
                Kind.valueOf(Json.required(json, "kind").toUpperCase(Locale.ROOT)));
    }
}
