package org.hotline.core.i18n;

import java.util.Locale;

/**
 * How far a translation can be trusted. Only a person who reads the language may mark an entry {@code reviewed};
 * translations written without such a person are {@code machine} (machine-made) or {@code unreviewed}.
 */
public enum ReviewState {
    REVIEWED, UNREVIEWED, MACHINE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReviewState parse(String text) {
        for (ReviewState state : values()) {
            if (state.id().equals(text)) {
                return state;
            }
        }
        throw new IllegalArgumentException("review state '" + text + "' (reviewed, unreviewed or machine)");
    }
}
