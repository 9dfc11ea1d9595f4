package org.hotline.core.call;

import java.util.Locale;

/** The steps a call passes through, each recorded with its time. */
public enum CallStep {
    ENTERED,
    LANGUAGE_CHOSEN,
    PURPOSE_CHOSEN,
    QUEUED,
    /** The caller accepted a callback and hung up; the call keeps its place in the queue. */
    CALLBACK_REQUESTED,
    OFFERED,
    HANDED_OFF,
    VOICEMAIL,
    ANSWERED,
    /** An emergency put through to the on-call duty person who acknowledged its escalation (in the call's room). */
    ON_CALL,
    ENDED;

    /** The stored form: lower case with hyphens, for example {@code language-chosen}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CallStep fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Whether a caller at this step is still in the IVR's menus. */
    public boolean inMenu() {
        return this == ENTERED || this == LANGUAGE_CHOSEN || this == PURPOSE_CHOSEN;
    }
}
