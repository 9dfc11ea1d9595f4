package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Dispatch's answer to a {@link CallIntake}: the call is queued at a position, or refused because nobody
 * can take it (no operator on duty, out of hours).
 *
 * @param queued   whether the call joined the queue
 * @param position 1-based position in the queue when queued, else 0
 * @param reason   why it was refused ({@link #NO_OPERATORS} or {@link #CLOSED}), else null
 * @param opensAt  for {@link #CLOSED}: the whole hour the caller is told the hotline opens again (the IVR says it in
 *                 the hotline's time zone), or null when there is no opening to announce
 */
public record IntakeReply(boolean queued, int position, String reason, Instant opensAt) {
    public static final String NO_OPERATORS = "no-operators";
    /** Outside the opening hours (or on a holiday): routing refuses a new caller even with operators signed in. */
    public static final String CLOSED = "closed";

    public IntakeReply(boolean queued, int position, String reason) {
        this(queued, position, reason, null);
    }

    public static IntakeReply queuedAt(int position) {
        return new IntakeReply(true, position, null);
    }

    public static IntakeReply refused(String reason) {
        return new IntakeReply(false, 0, reason);
    }

    /** Out of hours, opening again at {@code opensAt} (null: no opening to announce). */
    public static IntakeReply closed(Instant opensAt) {
        return new IntakeReply(false, 0, CLOSED, opensAt);
    }

    public JsonObject toJson() {
        return new JsonObject().put("queued", queued).put("position", position).put("reason", reason)
                .put("opensAt", opensAt == null ? null : opensAt.toString());
    }

    public static IntakeReply fromJson(JsonObject json) {
        String opens = json.getString("opensAt");
        return new IntakeReply(json.getBoolean("queued", false), json.getInteger("position", 0),
                json.getString("reason"), opens == null ? null : Instant.parse(opens));
    }
}
