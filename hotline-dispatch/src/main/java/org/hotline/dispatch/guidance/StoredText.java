package org.hotline.dispatch.guidance;

import java.time.Instant;

/**
 * One version of one guidance text.
 *
 * @param slot       which text
 * @param language   its language key ({@code en}, {@code prs}, ...)
 * @param version    1 for the built-in text, then one more per edit
 * @param body       the words
 * @param at         when this version was saved
 * @param authorId   who saved it, or null for the built-in text
 * @param authorName their display name, or null
 */
record StoredText(GuidanceSlot slot, String language, int version, String body, Instant at, String authorId,
                  String authorName) {

    /** A built-in text, shown when the store has none or cannot be read: version 0, no author. */
    static StoredText builtIn(GuidanceSlot slot) {
        return new StoredText(slot, GuidanceCatalogue.ENGLISH, 0, DefaultGuidance.text(slot), null, null, null);
    }

    @Override
    public String toString() {
        return "StoredText[" + slot.key(language) + "@" + version + "]";
    }
}
