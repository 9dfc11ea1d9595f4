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

    static Integer secondsOrNull(String value) {
        if (value == null || !value.matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.valueOf(value);
    }
}
