package org.hotline.agi.call;

/**
 * Our own connection guard closed the FastAGI connection mid-call, because Asterisk's side broke a limit (a reply
 * line too long, a reply that never ends, no reply in time). The caller did not hang up: the dialplan sees the AGI
 * fail and sends them to the fallback queue, so that is the call's outcome. The guard has already logged why, in
 * one line; nothing more is logged here.
 */
public final class ConnectionCut extends RuntimeException {
    ConnectionCut() {
        super("the connection guard closed the connection", null, false, false);
    }
}
