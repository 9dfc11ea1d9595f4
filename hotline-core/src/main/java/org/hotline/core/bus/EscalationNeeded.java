package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Routing (or the voice-message path) → escalation, publish on {@link BusAddresses#ESCALATION_NEEDED}: someone in
 * danger is not being answered, so the on-call duty list must be paged. Ids only, never caller data.
 *
 * @param kind     why: an emergency waits too long with nobody able to take it, an emergency voice message was
 *                 left while nobody is on duty, or an emergency offer was declined
 * @param callId   the call concerned (a voice message is a call too)
 * @param language the caller's language code, so the page can say it
 * @param since    when the caller started waiting, or left the message
 */
public record EscalationNeeded(Kind kind, String callId, String language, Instant since) {
    /** Why escalation is needed. */
    public enum Kind { WAITING_EMERGENCY, EMERGENCY_VOICEMAIL, DECLINED_EMERGENCY }

    public JsonObject toJson() {
        return new JsonObject().put("kind", kind.name()).put("callId", callId).put("language", language)
                .put("since", since.toEpochMilli());
    }

    public static EscalationNeeded fromJson(JsonObject json) {
        return new EscalationNeeded(Kind.valueOf(Json.required(json, "kind")), Json.required(json, "callId"),
                json.getString("language"), Instant.ofEpochMilli(json.getLong("since")));
    }
}
