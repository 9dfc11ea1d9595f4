package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Call control → dispatch's audit, publish on {@link BusAddresses#SUPERVISION}: a supervisor's session on a call
 * started, changed mode (a new record with the new mode) or ended ({@code mode} null), whoever ended it.
 */
public record SupervisionRecord(String supervisorId, String callId, SupervisionMode mode, Instant at) {
    public boolean ended() {
        return mode == null;
    }

    public JsonObject toJson() {
        return new JsonObject().put("supervisorId", supervisorId).put("callId", callId)
                .put("mode", mode == null ? null : mode.code()).put("at", Json.text(at));
    }

    public static SupervisionRecord fromJson(JsonObject json) {
        String mode = json.getString("mode");
        return new SupervisionRecord(Json.required(json, "supervisorId"), Json.required(json, "callId"),
                mode == null ? null : SupervisionMode.fromCode(mode), Json.instant(json, "at"));
    }
}
