package org.hotline.agi.call;

/**
 * Asterisk answered a command in a way the IVR cannot work with (510, 520, a garbled reply). The call is
 * sent to the dialplan's fallback; the message never carries caller data.
 */
public final class IvrFailure extends RuntimeException {
    public IvrFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
