package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Call control's answer to a {@link CallControlRequest}: done (or under way), or why not. The screen looks the
 * text up per language from {@link Problem#code()}.
 */
public record CallControlReply(Problem problem) {

    /** Why call control could not act. */
    public enum Problem {
        /** No AMI connection: calls go on, but nothing can be changed on them. */
        UNAVAILABLE,
        /** Asterisk did not answer the action within {@code ami.action-timeout}. */
        TIMEOUT,
        /** Asterisk refused the action (Response: Error). */
        REFUSED,
        /** The call is not (or no longer) in a conference. */
        NO_SUCH_CALL,
        /** The person asking is not on that call. */
        NOT_ON_CALL,
        /** Another transfer, interpreter or session is already under way, or nothing to end. */
        WRONG_STATE,
        /** The person asking, or the one asked for, has no phone endpoint. */
        NO_ENDPOINT;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Problem fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public static final CallControlReply OK = new CallControlReply(null);

    public static CallControlReply failed(Problem problem) {
        return new CallControlReply(problem);
    }

    public boolean ok() {
        return problem == null;
    }

    public JsonObject toJson() {
        return new JsonObject().put("ok", ok()).put("problem", problem == null ? null : problem.code());
    }

    public static CallControlReply fromJson(JsonObject json) {
        String problem = json.getString("problem");
        return problem == null ? OK : failed(Problem.fromCode(problem));
    }
}
