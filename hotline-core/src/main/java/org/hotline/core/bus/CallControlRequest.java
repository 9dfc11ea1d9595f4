package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Dispatch → call control, request/reply on {@link BusAddresses#CALL_CONTROL}: act on a live call. Dispatch has
 * already checked who asks (signed in, role) and looked their phones up; the reply is a {@link CallControlReply}
 * saying whether Asterisk took the first step, and what follows arrives as {@link CallControlNotice}s.
 *
 * @param command        what to do
 * @param callId         the call (its conference is {@code hotline-<callId>})
 * @param actorId        the operator id of the person asking
 * @param actorEndpoint  their phone, e.g. {@code PJSIP/1001}: the leg that must be on the call (operators), or
 *                       the phone to ring (supervisors)
 * @param targetId       the colleague or interpreter's operator id, or null
 * @param targetEndpoint their phone, or null
 * @param mode           the supervision mode, for {@link Command#SUPERVISE}; else null
 */
public record CallControlRequest(Command command, String callId, String actorId, String actorEndpoint,
                                 String targetId, String targetEndpoint, SupervisionMode mode) {

    /** What an operator or supervisor can do to a live call. */
    public enum Command {
        /** Ring a colleague; the caller hears hold music while the two talk. */
        TRANSFER,
        /** Join the caller to the colleague, and leave. */
        TRANSFER_COMPLETE,
        /** Drop the colleague and take the caller back. */
        TRANSFER_CANCEL,
        INTERPRETER_ADD,
        INTERPRETER_REMOVE,
        /** Start supervising, or switch mode while supervising. */
        SUPERVISE,
        SUPERVISE_END
    }

    public JsonObject toJson() {
        return new JsonObject().put("command", command.name().toLowerCase(Locale.ROOT)).put("callId", callId)
                .put("actorId", actorId).put("actorEndpoint", actorEndpoint).put("targetId", targetId)
                .put("targetEndpoint", targetEndpoint).put("mode", mode == null ? null : mode.code());
    }

    public static CallControlRequest fromJson(JsonObject json) {
        String mode = json.getString("mode");
        return new CallControlRequest(Command.valueOf(Json.required(json, "command").toUpperCase(Locale.ROOT)),
                Json.required(json, "callId"), Json.required(json, "actorId"), json.getString("actorEndpoint"),
                json.getString("targetId"), json.getString("targetEndpoint"),
                mode == null ? null : SupervisionMode.fromCode(mode));
    }
}
