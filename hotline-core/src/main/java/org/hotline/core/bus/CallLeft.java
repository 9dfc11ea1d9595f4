package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import org.hotline.core.call.CallOutcome;

/**
 * The IVR → dispatch, on {@link BusAddresses#CALL_LEFT}: a queued caller left before any hand-off (hung up,
 * chose a voice message, or hit the hold limit). Dispatch drops the call and withdraws any offer.
 */
public record CallLeft(String callId, CallOutcome outcome) {
    public JsonObject toJson() {
        return new JsonObject().put("callId", callId).put("outcome", outcome.code());
    }

    public static CallLeft fromJson(JsonObject json) {
        return new CallLeft(Json.required(json, "callId"), CallOutcome.fromCode(Json.required(json, "outcome")));
    }
}
