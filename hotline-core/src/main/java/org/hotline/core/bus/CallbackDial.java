package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * Dispatch → call control, request/reply on {@link BusAddresses#CALLBACK_DIAL}: the operator who took a callback
 * pressed Call. Call control rings the operator's phone into the call's conference, then decrypts the number
 * server-side and dials it; the reply is the {@link CallbackResult}. Only ids and the operator's phone travel.
 *
 * @param callId           the call that asked for the callback (its conference is {@code hotline-<callId>})
 * @param callbackId       the opaque id of the kept number
 * @param operatorId       the operator making the callback
 * @param operatorEndpoint their phone, e.g. {@code PJSIP/1001}
 */
public record CallbackDial(String callId, String callbackId, String operatorId, String operatorEndpoint) {
    public JsonObject toJson() {
        return new JsonObject().put("callId", callId).put("callbackId", callbackId).put("operatorId", operatorId)
                .put("operatorEndpoint", operatorEndpoint);
    }

    public static CallbackDial fromJson(JsonObject json) {
        return new CallbackDial(Json.required(json, "callId"), Json.required(json, "callbackId"),
                Json.required(json, "operatorId"), Json.required(json, "operatorEndpoint"));
    }
}
