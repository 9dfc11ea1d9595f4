package org.hotline.agi.server;

import java.io.IOException;

/** Thrown by a guarded connection when the peer breaks a limit; Asterisk-Java then closes the socket. */
final class ConnectionRefused extends IOException {
    private final RefusalReason reason;

    ConnectionRefused(RefusalReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    RefusalReason reason() {
        return reason;
    }
}
