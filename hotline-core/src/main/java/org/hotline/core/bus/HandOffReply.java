package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * The IVR's reply to an {@code ASSIGNED} {@link HoldUpdate}: whether the caller was still on the line and
 * is now being handed to the operator. When false, dispatch must put the operator back to work.
 */
public record HandOffReply(boolean taken) {
    public JsonObject toJson() {
        return new JsonObject().put("taken", taken);
    }

    public static HandOffReply fromJson(JsonObject json) {
        return new HandOffReply(json.getBoolean("taken", false));
    }
}
