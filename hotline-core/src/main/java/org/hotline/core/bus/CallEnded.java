package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The hangup handler → dispatch, on {@link BusAddresses#CALL_ENDED}: a call is over, so its operator moves
 * to wrap-up.
 *
 * @param callId      our call id
 * @param dialStatus  Asterisk's DIALSTATUS, or null
 * @param talkSeconds seconds talked, or null
 * @param endedAt     when it ended
 */
public record CallEnded(String callId, String dialStatus, Integer talkSeconds, Instant endedAt) {
    public JsonObject toJson() {
        return new JsonObject().put("callId", callId).put("dialStatus", dialStatus).put("talkSeconds", talkSeconds)
                .put("endedAt", Json.text(endedAt));
    }

    public static CallEnded fromJson(JsonObject json) {
        return new CallEnded(Json.required(json, "callId"), json.getString("dialStatus"),
                json.getInteger("talkSeconds"), Json.instant(json, "endedAt"));
    }
}
