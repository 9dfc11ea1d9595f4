package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.ZoneId;
import org.hotline.core.config.Settings;
import org.hotline.core.config.SettingsException;

/**
 * @param offerTimeout   time to accept an offer
 * @param widenAfter     wait after which interpreter-capable operators may take a call
 * @param wrapUp         longest wrap-up
 * @param handOffTimeout how long an accepted operator waits for the IVR to take the hand-off before dispatch
 *                       presumes the IVR dead and gives them back (a backstop: the caller leaving ends it sooner)
 * @param handOffMargin  how long before that timeout the IVR stops taking the assignment
 * @param zone           the hotline's time zone, for "today"
 * @param callSilence    a waiting call not re-sent by its IVR for this long is gone (its FastAGI node died)
 * @param outagePatience how long a routing record refused by an unreachable database is tried again
 * @param reconnectGrace an operator set away by a dropped connection is available again if back within this;
 *                       a screen gone longer than this no longer counts as on duty
 * @param escalateAfter  an emergency waiting this long with nobody able to take it is escalated (once)
 */
public record RoutingConfig(Duration offerTimeout, Duration widenAfter, Duration wrapUp, Duration handOffTimeout,
                            Duration handOffMargin, ZoneId zone, Duration callSilence, Duration outagePatience,
                            Duration reconnectGrace, Duration escalateAfter) {
    /** Escalation after one minute, the shipped default. */
    public RoutingConfig(Duration offerTimeout, Duration widenAfter, Duration wrapUp, Duration handOffTimeout,
                         Duration handOffMargin, ZoneId zone, Duration callSilence, Duration outagePatience,
                         Duration reconnectGrace) {
        this(offerTimeout, widenAfter, wrapUp, handOffTimeout, handOffMargin, zone, callSilence, outagePatience,
                reconnectGrace, Duration.ofSeconds(60));
    }

    /** Missed reminders before a waiting call counts as gone: a busy bus may delay one, never several. */
    private static final int MISSED_REAFFIRMS = 4;

    public RoutingConfig {
        if (handOffMargin.isNegative() || handOffMargin.compareTo(handOffTimeout) >= 0) {
            throw new SettingsException("setting 'dispatch.hand-off-margin' ("
                    + Settings.environmentName("dispatch.hand-off-margin") + ") must be below 'dispatch.hand-off-timeout' ("
                    + Settings.environmentName("dispatch.hand-off-timeout") + ")");
        }
        if (!escalateAfter.isPositive()) {
            throw new SettingsException("setting 'escalation.after' (" + Settings.environmentName("escalation.after")
                    + ") must be positive");
        }
    }

    public static RoutingConfig from(Settings settings) {
        return new RoutingConfig(settings.duration("dispatch.offer-timeout"), settings.duration("dispatch.widen-after"),
                settings.duration("dispatch.wrap-up"), settings.duration("dispatch.hand-off-timeout"),
                settings.duration("dispatch.hand-off-margin"), ZoneId.of(settings.string("time-zone")),
                settings.duration("ivr.hold.reaffirm").multipliedBy(MISSED_REAFFIRMS),
                settings.duration("db.outage-patience"), settings.duration("dispatch.reconnect-grace"),
                settings.duration("escalation.after"));
    }

    HandOffWindow handOff() {
        return new HandOffWindow(handOffTimeout, handOffMargin);
    }
}
