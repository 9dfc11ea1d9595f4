package org.hotline.core.i18n;

import java.util.Locale;

/**
 * How far a translation can be trusted. Only a person who reads the language may mark an entry {@code reviewed};
 * translations written without such a person are {@code machine} (machine-made) or {@code unreviewed}. An
 * {@code untranslated} entry is the English text put in a language's bundle on purpose, so the gap is listed (on
 * the manager's translations page and by {@code hotline i18n}) rather than silently filled.
 */
public enum ReviewState {
    REVIEWED, UNREVIEWED, MACHINE, UNTRANSLATED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReviewState parse(String text) {
        for (ReviewState state : values()) {
            if (state.id().equals(text)) {
                return state;
            }
        }
        throw new IllegalArgumentException("review state '" + text + "' (reviewed, unreviewed, machine or untranslated)");
    }
}
