package org.hotline.agi.call;

import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiRequest;
import org.hotline.core.id.Ids;

/** Reads Asterisk's identifiers defensively: they end up in the database, so only their expected form passes. */
final class AsteriskIds {
    private static final Pattern UNIQUE_ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");
    /** Dial()'s documented statuses; anything else becomes OTHER, so a metric label can never explode. */
    private static final java.util.Set<String> DIAL_STATUSES = java.util.Set.of("ANSWER", "BUSY", "NOANSWER",
            "CANCEL", "CONGESTION", "CHANUNAVAIL", "DONTCALL", "TORTURE", "INVALIDARGS");

    private static final Pattern EPOCH_MS = Pattern.compile("[0-9]{1,15}");
    /** A talk time above a day is a clock jump or a forged stamp, not a conversation. */
    static final long LONGEST_CALL_MS = 24L * 60 * 60 * 1000;

    private AsteriskIds() {
    }

    /** The channel's unique id, or a stand-in derived from our call id when Asterisk sent something odd. */
    static String uniqueId(AgiRequest request, String callId) {
        String id = request.getUniqueId();
        return id != null && UNIQUE_ID.matcher(id).matches() ? id : "invalid-" + callId;
    }

    static String callIdOrNull(String value) {
        return Ids.isUuid(value) ? value : null;
    }

    static String dialStatusOrNull(String value) {
        if (value == null) {
            return null;
        }
        return DIAL_STATUSES.contains(value) ? value : "OTHER";
    }

    /** A uniqueid passed in a variable, if it has the expected form. */
    static String uniqueIdOrNull(String value) {
        return value != null && UNIQUE_ID.matcher(value).matches() ? value : null;
    }

    /**
     * Milliseconds from {@code answeredMs} to {@code endedMs} (both epoch milliseconds from Asterisk's clock), or
     * null when either is missing or malformed, or the span is negative or longer than {@link #LONGEST_CALL_MS}.
     */
    static Long talkMillisOrNull(String answeredMs, String endedMs) {
        if (answeredMs == null || endedMs == null || !EPOCH_MS.matcher(answeredMs).matches()
                || !EPOCH_MS.matcher(endedMs).matches()) {
            return null;
        }
        long talk = Long.parseLong(endedMs) - Long.parseLong(answeredMs);
        return talk < 0 || talk > LONGEST_CALL_MS ? null : talk;
    }
}
