package org.hotline.core.prompts;

/**
 * One prompt's text in one language, as the manifest holds it.
 *
 * @param revision the text's revision: a hash of the text, so any change to it is a new revision
 * @param review   whether a native speaker reviewed this very text ({@code reviews.txt} next to the manifests)
 */
public record PromptText(String language, String key, String text, String revision, TextReview review) {

    /** The review state of a text. */
    public enum TextReview {
        /** Nobody has reviewed it yet. */
        UNREVIEWED,
        /** A native speaker reviewed exactly this text. */
        REVIEWED,
        /** Reviewed once, but the text changed since. */
        CHANGED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
