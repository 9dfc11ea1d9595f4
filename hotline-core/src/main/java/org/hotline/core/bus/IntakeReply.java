package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * Dispatch's answer to a {@link CallIntake}: the call is queued at a position, or refused because nobody
 * can take it (no operator on duty, out of hours).
 *
 * @param queued   whether the call joined the queue
 * @param position 1-based position in the queue when queued, else 0
 * @param reason   why it was refused ({@link #NO_OPERATORS} or {@link #CLOSED}), else null
 */
public record IntakeReply(boolean queued, int position, String reason) {
    public static final String NO_OPERATORS = "no-operators";
    public static final String CLOSED = "closed";

    public static IntakeReply queuedAt(int position) {
        return new IntakeReply(true, position, null);
    }

    public static IntakeReply refused(String reason) {
        return new IntakeReply(false, 0, reason);
    }

    public JsonObject toJson() {
        return new JsonObject().put("queued", queued).put("position", position).put("reason", reason);
    }

    public static IntakeReply fromJson(JsonObject json) {
        return new IntakeReply(json.getBoolean("queued", false), json.getInteger("position", 0),
                json.getString("reason"));
    }
}
