package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * The IVR → dispatch, on {@link BusAddresses#CALLBACK_REQUESTED}: a queued caller accepted a callback and hung up.
 * The call keeps its place in the queue as a callback request; the operator it reaches starts the callback from
 * the screen. It carries only the opaque callback id: the number stays encrypted in the callback vault and is
 * never on the bus.
 */
public record CallbackRequested(String callId, String callbackId) {
    public JsonObject toJson() {
        return new JsonObject().put("callId", callId).put("callbackId", callbackId);
    }

    public static CallbackRequested fromJson(JsonObject json) {
        return new CallbackRequested(Json.required(json, "callId"), Json.required(json, "callbackId"));
    }
}
