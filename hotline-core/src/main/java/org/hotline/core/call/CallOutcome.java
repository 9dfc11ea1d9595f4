package org.hotline.core.call;

import java.util.Locale;

/** How a call ended. Each call gets exactly one, recorded with the step it ended at. */
public enum CallOutcome {
    /** An operator answered. */
    ANSWERED,
    /** The caller hung up in the language or purpose menu. */
    ABANDONED_IN_MENU,
    /** The caller hung up while waiting for an operator (in hold, or while the operator's phone rang). */
    ABANDONED_IN_QUEUE,
    /** The caller left a voice message. */
    VOICEMAIL,
    /** Nobody could answer (no operator on duty or out of hours) and the caller was asked to call again. */
    CLOSED,
    /** The IVR could not route the call and the dialplan sent it to the plain fallback queue of all operators. */
    FALLBACK,
    /**
     * A callback the caller accepted was not completed: every attempt failed (no answer, busy, refused) or the
     * number's retention ran out first. Recorded at the step the callback had reached; the number is destroyed.
     */
    CALLBACK_FAILED,
    /** Our side failed during the call (for example the server was killed); recorded at the next start. */
    FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CallOutcome fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
