package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * On {@link BusAddresses#SESSIONS_ENDED}: every screen session of one person signed in before now ends, except the
 * one named (the admin's own, when they reset their own password), and their bridge sockets close.
 *
 * @param operatorId    whose sessions end
 * @param keepSessionId a session to leave open, or null
 */
public record SessionsEnded(String operatorId, String keepSessionId) {

    public JsonObject toJson() {
        return new JsonObject().put("operatorId", operatorId).put("keepSessionId", keepSessionId);
    }

    public static SessionsEnded fromJson(JsonObject json) {
        return new SessionsEnded(Json.required(json, "operatorId"), json.getString("keepSessionId"));
    }
}
