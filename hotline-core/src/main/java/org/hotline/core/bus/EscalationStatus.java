package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Escalation → manager wallboard and routing, publish on {@link BusAddresses#ESCALATIONS}: one escalation as it is
 * now. Staff names only; the duty phone numbers never leave the escalation module.
 *
 * @param id           the escalation's id
 * @param callId       the call concerned
 * @param kind         why it escalated
 * @param language     the caller's language code
 * @param state        paging, acknowledged, exhausted or stopped
 * @param round        1 for the first pass down the list
 * @param paging       the name of the person being paged now, or null
 * @param acknowledgedBy the name of who pressed 1, or null
 * @param startedAt    when the escalation started
 * @param acknowledgedAt when it was acknowledged, or null
 */
public record EscalationStatus(String id, String callId, EscalationNeeded.Kind kind, String language, String state,
                               int round, String paging, String acknowledgedBy, Instant startedAt,
                               Instant acknowledgedAt) {

    /** {@link #state()} once a duty person pressed 1 (the ones routing acts on). */
    public static final String ACKNOWLEDGED = "acknowledged";

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("callId", callId).put("kind", kind.name()).put("language", language)
                .put("state", state).put("round", round).put("paging", paging).put("acknowledgedBy", acknowledgedBy)
                .put("startedAt", startedAt.toEpochMilli())
                .put("acknowledgedAt", acknowledgedAt == null ? null : acknowledgedAt.toEpochMilli());
    }

    public static EscalationStatus fromJson(JsonObject json) {
        Long ack = json.getLong("acknowledgedAt");
        return new EscalationStatus(Json.required(json, "id"), Json.required(json, "callId"),
                EscalationNeeded.Kind.valueOf(Json.required(json, "kind")), json.getString("language"),
                Json.required(json, "state"), json.getInteger("round"), json.getString("paging"),
                json.getString("acknowledgedBy"), Instant.ofEpochMilli(json.getLong("startedAt")),
                ack == null ? null : Instant.ofEpochMilli(ack));
    }
}
