package org.hotline.agi.voicemail;

import org.hotline.agi.call.Caller;
import org.hotline.agi.call.CallerHungUp;
import org.hotline.agi.prompts.Prompt;

/**
 * Records a voice message with Asterisk's RECORD FILE into the configured directory, named by the call id
 * (never by anything the caller sent), and returns the file's reference for the dispatch screen.
 */
public final class VoicemailRecorder {
    private final VoicemailConfig config;

    public VoicemailRecorder(VoicemailConfig config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Plays the instructions and records; returns the reference ({@code <callId>.wav}). Hanging up is how most
     * callers end a message, and with AGIEXITONHANGUP Asterisk then closes the connection instead of answering
     * RECORD FILE: the message is on disk all the same, so it still counts.
     */
    public String record(Caller caller, String callId) {
        caller.play(Prompt.VOICEMAIL_RECORD.file(), "");
        try {
            caller.record(config.directory() + "/" + callId, "#", config.maxLength());
        } catch (CallerHungUp e) {
            // Recorded up to the hangup; the next command tells the call flow the caller is gone.
        }
        return callId + ".wav";
    }

    /** Thanks the caller once the message is safe. */
    public void thank(Caller caller) {
        caller.play(Prompt.VOICEMAIL_THANKS.file(), "");
    }
}
