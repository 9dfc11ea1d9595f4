package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Call control → one person's browser through the bridge, on {@link BusAddresses#callControlScreen(String)}: what
 * just happened on a call they are on. Codes only; the screen looks the words up.
 *
 * @param event  what happened
 * @param callId the call
 * @param peerId the other person concerned (colleague, interpreter, supervisor), or null
 * @param mode   the supervision mode, for supervisor events; else null
 * @param reason why a step failed ({@link CallControlReply.Problem} or {@link Reason}), or null
 */
public record CallControlNotice(Event event, String callId, String peerId, SupervisionMode mode, String reason) {

    public enum Event {
        /** To the transferring operator: the colleague's phone rings; the caller hears hold music. */
        TRANSFER_RINGING,
        /** To the transferring operator: the colleague is on the line, the caller still on hold. */
        TRANSFER_TALKING,
        /** To the transferring operator: the transfer did not happen and the caller is back with them. */
        TRANSFER_FAILED,
        /** To both: the caller is now with the colleague; the first operator has left. */
        TRANSFER_DONE,
        /** To the colleague: a transfer is offered (their phone rings); shows the call's draft tip. */
        TRANSFER_OFFERED,
        INTERPRETER_JOINED,
        INTERPRETER_LEFT,
        INTERPRETER_FAILED,
        /** To the operator (when shown): a supervisor is on the line, or changed mode. */
        SUPERVISOR_JOINED,
        SUPERVISOR_LEFT,
        /** To the supervisor. */
        SUPERVISION_STARTED,
        SUPERVISION_ENDED,
        /** The caller hung up: every leg of the call has ended. */
        CALL_ENDED
    }

    /** Why a transfer or an interpreter did not come. */
    public enum Reason {
        DECLINED,
        NO_ANSWER,
        /** They answered, then hung up before the caller was joined. */
        LEFT,
        CALLER_LEFT;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public JsonObject toJson() {
        return new JsonObject().put("event", event.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .put("callId", callId).put("peerId", peerId).put("mode", mode == null ? null : mode.code())
                .put("reason", reason);
    }

    public static CallControlNotice fromJson(JsonObject json) {
        String mode = json.getString("mode");
        return new CallControlNotice(
                Event.valueOf(Json.required(json, "event").toUpperCase(Locale.ROOT).replace('-', '_')),
                Json.required(json, "callId"), json.getString("peerId"),
                mode == null ? null : SupervisionMode.fromCode(mode), json.getString("reason"));
    }
}
