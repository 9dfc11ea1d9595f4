package org.hotline.core.prompts;

import java.time.Instant;
import java.util.Locale;

/**
 * One take of one prompt in one language.
 *
 * @param fileName     the stored file's name without {@code .wav} ({@code <key>-<id>})
 * @param textRevision the revision of the text the speaker read
 * @param recordedBy   the operator id of the person who recorded or uploaded it
 * @param reviewedBy   the operator id of the person who approved or rejected it, or null
 */
public record PromptRecording(String id, String language, String key, String textRevision, String fileName,
                              int lengthMs, Source source, State state, String recordedBy, Instant recordedAt,
                              String reviewedBy, Instant reviewedAt) {

    /** Where a take came from. */
    public enum Source {
        UPLOAD, PHONE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Source fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** A take's review state. */
    public enum State {
        /** Recorded, awaiting review by a second native speaker. */
        RECORDED,
        /** Approved: the IVR plays it while its text is unchanged. */
        APPROVED,
        /** Rejected: kept for the record, never played. */
        REJECTED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** Whether the text changed since this take was recorded. */
    public boolean staleAgainst(PromptText text) {
        return !textRevision.equals(text.revision());
    }
}
