package org.hotline.agi.hold;

import java.time.Duration;
import org.hotline.core.config.Settings;

/**
 * @param poll             how often the hold loop checks for an operator and listens for a key
 * @param positionInterval how often the caller hears their position
 * @param voicemailAfter   when the voice-message option is offered
 * @param max              the longest hold
 * @param voicemailEnabled whether the voice-message option exists at all
 * @param reaffirm         how often dispatch is reminded that the caller still waits (a new routing owner learns
 *                         of held calls this way)
 * @param callbackAfter    when a caller who may have one is offered a callback ({@code callback.offer-after})
 */
public record HoldConfig(Duration poll, Duration positionInterval, Duration voicemailAfter, Duration max,
                         boolean voicemailEnabled, Duration reaffirm, Duration callbackAfter) {
    public static HoldConfig from(Settings settings) {
        return new HoldConfig(settings.duration("ivr.hold.poll"), settings.duration("ivr.hold.position-interval"),
                settings.duration("ivr.hold.voicemail-after"), settings.duration("ivr.hold.max"),
                settings.bool("ivr.voicemail.enabled"), settings.duration("ivr.hold.reaffirm"),
                settings.duration("callback.offer-after"));
    }
}
