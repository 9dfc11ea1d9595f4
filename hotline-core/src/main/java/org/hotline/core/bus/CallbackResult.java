package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Call control → dispatch: how a callback ended, as the reply to a {@link CallbackDial} and published on
 * {@link BusAddresses#CALLBACK_RESULT} for the call's record. Whatever the result, except
 * {@link Result#OPERATOR_UNREACHABLE}, the number has been destroyed by the time this is sent.
 *
 * @param callId     the call
 * @param callbackId the opaque id of the (now destroyed) number
 * @param result     how it ended
 * @param attempts   how many times the caller's number was dialled
 * @param reason     the last failure as Asterisk gave it (OriginateResponse reason, e.g. 3 no answer, 5 busy),
 *                   0 when answered or never dialled
 */
public record CallbackResult(String callId, String callbackId, Result result, int attempts, int reason) {

    /** How a callback ended. */
    public enum Result {
        /** The caller answered and is in the conference with the operator; the number is destroyed. */
        CONNECTED,
        /** Every attempt failed (no answer, busy, refused); the number is destroyed. */
        FAILED,
        /** The number's retention ran out (or it was already destroyed) before it could be dialled. */
        EXPIRED,
        /** The operator's phone did not answer; the caller was not dialled and the number is still kept. */
        OPERATOR_UNREACHABLE,
        /** Call control is off or Asterisk is down; nothing was dialled and the number is still kept. */
        UNAVAILABLE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Result fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public JsonObject toJson() {
        return new JsonObject().put("callId", callId).put("callbackId", callbackId).put("result", result.code())
                .put("attempts", attempts).put("reason", reason);
    }

    public static CallbackResult fromJson(JsonObject json) {
        return new CallbackResult(Json.required(json, "callId"), Json.required(json, "callbackId"),
                Result.fromCode(Json.required(json, "result")), json.getInteger("attempts", 0),
                json.getInteger("reason", 0));
    }
}
