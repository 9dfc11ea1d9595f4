package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The IVR's reply to an {@code ASSIGNED} {@link HoldUpdate}. Only {@link Answer#TAKEN} puts the operator on the
 * call; dispatch gives the operator back for the others, and requeues the call for {@link Answer#TOO_LATE}.
 */
public record HandOffReply(Answer answer) {

    /** What became of the assignment. */
    public enum Answer {
        /** The caller is being handed to the operator. */
        TAKEN,
        /** The caller is no longer held: hung up, chose a voice message, or went to the dialplan's fallback. */
        CALLER_GONE,
        /** Read after its {@code takeBy}: dispatch has given up on it, so the caller keeps holding. */
        TOO_LATE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Answer fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public boolean taken() {
        return answer == Answer.TAKEN;
    }

    public JsonObject toJson() {
        return new JsonObject().put("answer", answer.code());
    }

    public static HandOffReply fromJson(JsonObject json) {
        return new HandOffReply(Answer.fromCode(Json.required(json, "answer")));
    }
}
