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
 */
public record HoldUpdate(Type type, int position, String target, String reason) {

    /** The kinds of update a held call receives. */
    public enum Type {
        /** The caller moved in the queue. */
        POSITION,
        /** An operator accepted; hand the caller to {@code target}. Sent as a request. */
        ASSIGNED,
        /** Nobody can take the call any more; offer a voice message or "call again". */
        REFUSED
    }

    public static HoldUpdate position(int position) {
        return new HoldUpdate(Type.POSITION, position, null, null);
    }

    public static HoldUpdate assigned(String target) {
        return new HoldUpdate(Type.ASSIGNED, 0, target, null);
    }

    public static HoldUpdate refused(String reason) {
        return new HoldUpdate(Type.REFUSED, 0, null, reason);
    }

    public JsonObject toJson() {
        return new JsonObject().put("type", type.name().toLowerCase(Locale.ROOT)).put("position", position)
                .put("target", target).put("reason", reason);
    }

    public static HoldUpdate fromJson(JsonObject json) {
        return new HoldUpdate(Type.valueOf(Json.required(json, "type").toUpperCase(Locale.ROOT)),
                json.getInteger("position", 0), json.getString("target"), json.getString("reason"));
    }
}
