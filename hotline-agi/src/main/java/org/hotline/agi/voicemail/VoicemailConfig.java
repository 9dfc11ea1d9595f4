package org.hotline.agi.voicemail;

import java.time.Duration;
import org.hotline.core.config.Settings;

/**
 * @param enabled   whether callers may leave a voice message
 * @param directory where Asterisk writes recordings (a path on the Asterisk host)
 * @param maxLength the longest message
 */
public record VoicemailConfig(boolean enabled, String directory, Duration maxLength) {
    public static VoicemailConfig from(Settings settings) {
        return new VoicemailConfig(settings.bool("ivr.voicemail.enabled"), settings.string("ivr.voicemail.dir"),
                settings.duration("ivr.voicemail.max-length"));
    }
}
