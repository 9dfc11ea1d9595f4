package org.hotline.agi.voicemail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.agi.call.Caller;
import org.hotline.agi.call.CallerHungUp;
import org.hotline.agi.prompts.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a voice message with Asterisk's RECORD FILE into the configured directory, named by the call id
 * (never by anything the caller sent), and returns the file's reference for the dispatch screen.
 */
public final class VoicemailRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailRecorder.class);
    /**
     * The header Asterisk's format_wav.c write_header() puts before any audio: RIFF, fmt and data chunk headers,
     * 44 bytes. A recording of this size or less holds no sound: the caller hung up at (or before) the beep.
     */
    static final long WAV_HEADER_BYTES = 44;

    private final VoicemailConfig config;

    public VoicemailRecorder(VoicemailConfig config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Plays the instructions and records; returns the reference ({@code <callId>.wav}), or null when the
     * recording holds no audio (see {@link #holdsAudio}). Hanging up is how most
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
        String reference = callId + ".wav";
        return holdsAudio(Path.of(config.directory(), reference)) ? reference : null;
    }

    /**
     * False only for a file that is there and holds no audio, which is then deleted: a caller who hangs up
     * before saying anything must not leave an empty "message" on the operators' list (it is listed only with a
     * reference). A file this process cannot see (Asterisk on another host) is given the benefit of the doubt.
     */
    static boolean holdsAudio(Path recording) {
        try {
            if (!Files.isRegularFile(recording) || Files.size(recording) > WAV_HEADER_BYTES) {
                return true;
            }
            Files.delete(recording);
            LOG.info("A voice message without audio was discarded (the caller hung up at the beep)");
            return false;
        } catch (IOException e) {
            LOG.warn("Could not check a voice message's audio ({})", e.getClass().getSimpleName());
            return true;
        }
    }

    /** Thanks the caller once the message is safe. */
    public void thank(Caller caller) {
        caller.play(Prompt.VOICEMAIL_THANKS.file(), "");
    }
}
