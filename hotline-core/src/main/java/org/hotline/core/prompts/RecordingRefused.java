package org.hotline.core.prompts;

/** A recording that cannot be used as a prompt, with one sentence that says why and what to do. */
public final class RecordingRefused extends Exception {
    /** Why a recording was refused. */
    public enum Reason { NOT_AUDIO, TOO_LONG, SILENT, SAMPLE_RATE, UNKNOWN_PROMPT }

    private final Reason reason;

    public RecordingRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
