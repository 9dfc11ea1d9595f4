package org.hotline.dispatch.guidance;

/**
 * One guidance text, in any language: a topic for one purpose, or for every purpose ({@link GuidanceCatalogue#ALL}).
 *
 * @param purpose a purpose code ({@code danger}, {@code report}, ...) or {@code all}
 * @param topic   what the text is about: {@code safety-check}, {@code this-call}, {@code q-injured}, ...
 */
record GuidanceSlot(String purpose, String topic) {

    /** The slot in one language: the key the audit names, for example {@code danger/q-injured/en}. */
    String key(String language) {
        return purpose + "/" + topic + "/" + language;
    }
}
