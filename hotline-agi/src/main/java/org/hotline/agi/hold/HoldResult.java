package org.hotline.agi.hold;

import org.hotline.agi.intake.HoldMessage;

/**
 * How a hold ended.
 *
 * @param kind       what happened
 * @param assignment the operator's assignment, for {@link Kind#ASSIGNED}
 * @param reason     dispatch's reason, for {@link Kind#REFUSED}
 */
public record HoldResult(Kind kind, HoldMessage assignment, String reason) {

    /** The ways out of hold. */
    public enum Kind {
        /** An operator accepted. */
        ASSIGNED,
        /** The caller pressed the voice-message key. */
        VOICEMAIL_CHOSEN,
        /** The caller heard the safety sentence and accepted a callback (only where one was offered). */
        CALLBACK_CHOSEN,
        /** The hold reached its maximum. */
        HOLD_LIMIT,
        /** Dispatch can no longer take the call (nobody on duty). */
        REFUSED,
        /** The on-call duty person took the emergency: the caller goes to the call's room, where they wait. */
        ON_CALL,
        /** This server is shutting down; the dialplan's fallback takes over. */
        DRAINING
    }

    static HoldResult of(Kind kind) {
        return new HoldResult(kind, null, null);
    }
}
