package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Dispatch → the IVR holding a call, on {@link BusAddresses#ivrCall(String)}.
 *
 * @param type     what happened
 * @param position the caller's new 1-based queue position, for {@link Type#POSITION}
 * @param target   the operator's dial string (for example {@code PJSIP/1001}), for {@link Type#ASSIGNED}
 * @param reason   why, for {@link Type#REFUSED}
 * @param takeBy   for {@link Type#ASSIGNED}: the last moment (epoch millis) the IVR may still take it. Dispatch
 *                 holds the operator for the assignment only so long; an IVR that reads it later answers
 *                 {@link HandOffReply.Answer#TOO_LATE} and keeps holding, so a caller is never put through to an
 *                 operator whose screen already went back to "available". Zero for the other types.
 */
public record HoldUpdate(Type type, int position, String target, String reason, long takeBy) {

    /** The kinds of update a held call receives. */
    public enum Type {
        /** The caller moved in the queue. */
        POSITION,
        /** An operator accepted; hand the caller to {@code target} if it is not after {@code takeBy}. A request. */
        ASSIGNED,
        /** Nobody can take the call any more; offer a voice message or "call again". */
        REFUSED,
        /**
         * The on-call duty person acknowledged the escalation and waits in the call's room: the call has left the
         * queue, so put the caller into that room (the dialplan's {@code [hotline-callcontrol] caller}).
         */
        ON_CALL
    }

    public static HoldUpdate position(int position) {
        return new HoldUpdate(Type.POSITION, position, null, null, 0);
    }

    public static HoldUpdate assigned(String target, long takeBy) {
        return new HoldUpdate(Type.ASSIGNED, 0, target, null, takeBy);
    }

    public static HoldUpdate refused(String reason) {
        return new HoldUpdate(Type.REFUSED, 0, null, reason, 0);
    }

    public static HoldUpdate onCall() {
        return new HoldUpdate(Type.ON_CALL, 0, null, null, 0);
    }

    /** Whether an assignment read at {@code nowMillis} came too late to take. */
    public boolean expiredAt(long nowMillis) {
        return nowMillis > takeBy;
    }

    public JsonObject toJson() {
        return new JsonObject().put("type", type.name().toLowerCase(Locale.ROOT)).put("position", position)
                .put("target", target).put("reason", reason).put("takeBy", takeBy);
    }

    /** An assignment without a {@code takeBy} reads as already expired: it is declined, never taken. */
    public static HoldUpdate fromJson(JsonObject json) {
        return new HoldUpdate(Type.valueOf(Json.required(json, "type").toUpperCase(Locale.ROOT)),
                json.getInteger("position", 0), json.getString("target"), json.getString("reason"),
                json.getLong("takeBy", 0L));
    }
}
