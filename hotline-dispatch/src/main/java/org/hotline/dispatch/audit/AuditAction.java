package org.hotline.dispatch.audit;

import java.util.Locale;

/** What was done, and to which kind of record. */
public enum AuditAction {
    /** A tip was opened and its details (and, for permitted roles, its summary) shown. */
    TIP_OPENED("tip"),
    /** Someone tried to open a tip they may not see; nothing was shown. */
    TIP_OPEN_REFUSED("tip"),
    /**
     * A referral the caller did not consent to went ahead on a recorded basis (the consent rule's exception); the
     * basis and the note are in the referral's history.
     */
    REFERRAL_SENT_WITHOUT_CONSENT("referral"),
    /** An addendum was appended to a tip. */
    TIP_ADDENDUM_ADDED("tip"),
    /** A voice message's audio was sent to its claimant. */
    VOICEMAIL_PLAYED("call"),
    /** A manager saved a new version of a guidance text; the subject names the text and the new version. */
    GUIDANCE_EDITED("guidance"),
    /** A supervisor started listening to a call (or switched to listening); its end is SUPERVISION_ENDED. */
    SUPERVISION_LISTEN("call"),
    /** A supervisor started whispering to the call's operator (or switched to it). */
    SUPERVISION_WHISPER("call"),
    /** A supervisor joined the conversation (or switched to it). */
    SUPERVISION_BARGE("call"),
    /** A supervisor's session on the call ended, whoever ended it (they, the caller, Asterisk). */
    SUPERVISION_ENDED("call"),
    /** Someone without a supervisor's role tried to supervise a call; nothing was done. */
    SUPERVISION_REFUSED("call"),
    /** An operator handed the call to a colleague by a warm transfer. */
    CALL_TRANSFERRED("call"),
    /** An operator took the call over from a colleague by a warm transfer. */
    CALL_TRANSFER_TAKEN("call"),
    /** A manager replaced the on-call duty list (issue 16); the subject is the list, never a number. */
    DUTY_LIST_CHANGED("duty-list"),
    /** Someone who may not see the duty list asked for it or tried to change it; nothing was shown or changed. */
    DUTY_LIST_REFUSED("duty-list"),
    /** A manager changed the thresholds of the wallboard's alerts (the subject is {@code wallboard-alerts}). */
    WALLBOARD_ALERTS_SET("settings"),
    /** A manager replaced the weekly opening hours, or removed them (open around the clock); subject {@code opening-hours}. */
    OPENING_HOURS_SET("settings"),
    /** A manager added or changed a holiday; the subject is its date (yyyy-MM-dd). */
    HOLIDAY_SET("holiday"),
    /** A manager removed a holiday; the subject is its date. */
    HOLIDAY_REMOVED("holiday"),
    /** A manager uploaded a recording of a prompt (the subject is the take's id). */
    PROMPT_UPLOADED("prompt-take"),
    /** A second native speaker approved a take: the IVR plays it while its text is unchanged. */
    PROMPT_APPROVED("prompt-take"),
    /** A second native speaker rejected a take: kept for the record, never played. */
    PROMPT_REJECTED("prompt-take"),
    /** Someone tried to review a take they may not (their own, or not their language); nothing changed. */
    PROMPT_REVIEW_REFUSED("prompt-take"),
    /** A manager set a person's studio PIN (the subject is the person; the PIN is never stored or shown). */
    STUDIO_PIN_SET("operator"),
    /** A new caller-pseudonym key became current (the subject is its key id, {@code k2}; never key material). */
    PSEUDONYM_KEY_ROTATED("pseudonym-key"),
    /** A retired pseudonym key was overwritten and deleted at the end of its overlap (the subject is its key id). */
    PSEUDONYM_KEY_DESTROYED("pseudonym-key"),
    /**
     * A manager turned the opt-in callback on or off for a caller language (subject {@code callback-<lang>-on} or
     * {@code -off}); never a caller's number.
     */
    CALLBACK_SWITCHED("settings"),
    /** An admin added a person (the subject is the new person's id; never their password). */
    PERSON_ADDED("operator"),
    /** An admin changed a person's display name, languages, interpreter or endpoint. */
    PERSON_EDITED("operator"),
    /** An admin changed a person's role; their sessions ended. */
    PERSON_ROLE_CHANGED("operator"),
    /** An admin set a new password for a person; their other sessions ended. The password is never stored or shown here. */
    PERSON_PASSWORD_RESET("operator"),
    /** An admin disabled a person; their sessions and screen sockets ended at once. */
    PERSON_DISABLED("operator"),
    /** An admin enabled a disabled person again. */
    PERSON_ENABLED("operator");

    private final String subjectType;

    AuditAction(String subjectType) {
        this.subjectType = subjectType;
    }

    /** The stored form, for example {@code tip-opened}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of record the subject id names: {@code tip}, {@code referral}, {@code call}, {@code guidance} or {@code settings}. */
    public String subjectType() {
        return subjectType;
    }
}
