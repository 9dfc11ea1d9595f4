package org.hotline.simulator;

/**
 * Ends a wait inside a command early. Thrown through {@link CommandResponder} so that a reply is never
 * sent for a command whose playback or listening was cut short.
 */
final class SessionInterrupt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Reason {
        /** The server closed the socket while the fake was "playing" or "listening". */
        SERVER_CLOSED,
        /** The caller's hangupAfter time fell inside the wait. */
        CALLER_HANGS_UP,
        /** The run timeout passed. */
        TIMED_OUT
    }

    private final Reason reason;

    SessionInterrupt(Reason reason) {
        // Control flow, not an error: no stack trace needed.
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
