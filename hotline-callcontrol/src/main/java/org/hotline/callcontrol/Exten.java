package org.hotline.callcontrol;

import java.util.Locale;
import org.hotline.core.bus.SupervisionMode;

/**
 * The extensions of {@code [hotline-callcontrol]} in asterisk-conf/extensions.conf: what a channel sent there
 * does. DialplanTest checks that each exists.
 */
enum Exten {
    /** ConfBridge, caller profile (end_marked: leaves when the last operator has left). */
    CALLER,
    /** ConfBridge, operator profile (marked). */
    OPERATOR,
    /** ConfBridge, guest profile (end_marked). */
    INTERPRETER,
    /** ConfBridge as a supervisor who speaks to everyone (end_marked). */
    BARGE,
    /** ChanSpy on the operator's channel, quiet: hears both sides, says nothing. */
    LISTEN,
    /** ChanSpy with whisper: heard by the operator only. */
    WHISPER,
    /** Music on hold, while the operator consults a colleague. */
    HOLD,
    /** Nobody is left to take the caller: the dialplan's fallback queue (ring every operator). */
    FALLBACK,
    /**
     * ConfBridge, operator profile (marked): a duty person who pressed 1 in {@code [hotline-oncall]} joins the
     * call's room here, which is how call control learns of the acknowledgement (ConfbridgeJoin).
     */
    ONCALL;

    String dialplanName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Exten of(SupervisionMode mode) {
        return switch (mode) {
            case LISTEN -> LISTEN;
            case WHISPER -> WHISPER;
            case BARGE -> BARGE;
        };
    }

    /** The extension a ConfbridgeJoin or Newchannel event names, or null for any other. */
    static Exten fromDialplan(String exten) {
        for (Exten e : values()) {
            if (e.dialplanName().equals(exten)) {
                return e;
            }
        }
        return null;
    }
}
