package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.ZoneId;
import org.hotline.core.config.Settings;

/**
 * @param offerTimeout   time to accept an offer
 * @param widenAfter     wait after which interpreter-capable operators may take a call
 * @param wrapUp         longest wrap-up
 * @param handOffTimeout wait for the IVR to confirm a hand-off
 * @param zone           the hotline's time zone, for "today"
 */
public record RoutingConfig(Duration offerTimeout, Duration widenAfter, Duration wrapUp, Duration handOffTimeout,
                            ZoneId zone) {
    public static RoutingConfig from(Settings settings) {
        return new RoutingConfig(settings.duration("dispatch.offer-timeout"), settings.duration("dispatch.widen-after"),
                settings.duration("dispatch.wrap-up"), settings.duration("dispatch.hand-off-timeout"),
                ZoneId.of(settings.string("time-zone")));
    }
}
