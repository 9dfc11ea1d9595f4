package org.hotline.agi.server;

import java.util.Locale;

/** Why a FastAGI connection was refused or failed before a script ran; the label on the refusal metric. */
enum RefusalReason {
    HOST_NOT_ALLOWED,
    HEADER_TIMEOUT,
    TOO_MANY_HEADER_LINES,
    LINE_TOO_LONG,
    MALFORMED_HEADER,
    EOF_IN_HEADER,
    UNKNOWN_SCRIPT,
    REPLY_FLOOD,
    REPLY_TIMEOUT;

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
