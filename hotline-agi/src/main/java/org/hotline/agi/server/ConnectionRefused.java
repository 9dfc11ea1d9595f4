package org.hotline.agi.server;

import java.io.IOException;

/** Thrown by a guarded connection when the peer breaks a limit; Asterisk-Java then closes the socket. */
public final class ConnectionRefused extends IOException {
    private static final ThreadLocal<Boolean> CUT_HERE = new ThreadLocal<>();
    private final RefusalReason reason;

    ConnectionRefused(RefusalReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    RefusalReason reason() {
        return reason;
    }

    /**
     * Remembers, for the script running on this thread, that its connection was cut by a refusal. A script reads
     * its replies on its own thread, and Asterisk-Java does not always pass the refusal on (a failed first reply
     * line becomes a plain hangup), so this is how the script tells a cut from a caller hanging up.
     */
    static void markThisThread() {
        CUT_HERE.set(Boolean.TRUE);
    }

    /** Forgets a refusal remembered on this thread: a pool thread starting another call. */
    static void forgetThisThread() {
        CUT_HERE.remove();
    }

    /** Whether this thread's connection was cut by a refusal since it last asked; asking forgets it. */
    public static boolean cutOnThisThread() {
        boolean cut = Boolean.TRUE.equals(CUT_HERE.get());
        CUT_HERE.remove();
        return cut;
    }
}
