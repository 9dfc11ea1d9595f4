package org.hotline.agi.call;

/** The caller hung up (a HANGUP line, a 511 reply, or the socket closed); the call ends at its current step. */
public final class CallerHungUp extends RuntimeException {
    public CallerHungUp() {
        super("the caller hung up", null, false, false);
    }
}
