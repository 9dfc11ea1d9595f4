package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * Call control → everyone, publish on {@link BusAddresses#CALL_OWNER_CHANGED}: a warm transfer completed, so the
 * call (its draft tip, its wrap-up and later its tip) now belongs to {@code toOperatorId}.
 */
public record CallOwnerChanged(String callId, String fromOperatorId, String toOperatorId) {
    public JsonObject toJson() {
        return new JsonObject().put("callId", callId).put("fromOperatorId", fromOperatorId)
                .put("toOperatorId", toOperatorId);
    }

    public static CallOwnerChanged fromJson(JsonObject json) {
        return new CallOwnerChanged(Json.required(json, "callId"), Json.required(json, "fromOperatorId"),
                Json.required(json, "toOperatorId"));
    }
}
