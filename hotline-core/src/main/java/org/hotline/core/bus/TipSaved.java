package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;

/** A tip was committed, on {@link BusAddresses#TIP_SAVED}; the operator's wrap-up ends. No tip content travels. */
public record TipSaved(String operatorId, String tipId, String callId) {
    public JsonObject toJson() {
        return new JsonObject().put("operatorId", operatorId).put("tipId", tipId).put("callId", callId);
    }

    public static TipSaved fromJson(JsonObject json) {
        return new TipSaved(Json.required(json, "operatorId"), Json.required(json, "tipId"), json.getString("callId"));
    }
}
