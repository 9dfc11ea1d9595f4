package org.hotline.dispatch.screen;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.hotline.core.config.Settings;
import org.hotline.core.config.SettingsException;

/**
 * The dispatch screen's settings ({@code screen.*} in {@code hotline.properties}).
 *
 * @param idleTimeout     a session with no request and no open screen ends after this
 * @param absoluteTimeout every session ends this long after sign-in
 * @param allowedOrigins  origins whose pages may open the bridge's WebSocket (besides the request's own host)
 * @param https           the screen is reached over HTTPS (our own TLS listener or a TLS proxy): Secure cookies
 *                        and HSTS
 * @param freeFailures    failed sign-ins in a row for one name before waits begin
 * @param freeFailuresPerAddress failed sign-ins from one address (any names) before waits begin
 * @param firstDelay      the first wait; it doubles with each further failure
 * @param maxDelay        the longest wait
 * @param forgetAfter     failures older than this are forgotten
 * @param bridgeIdle      a bridge socket silent this long is closed
 * @param zone            the hotline's time zone ({@code time-zone}): every page shows times in it
 */
public record ScreenConfig(Duration idleTimeout, Duration absoluteTimeout, List<String> allowedOrigins, boolean https,
                           int freeFailures, int freeFailuresPerAddress, Duration firstDelay, Duration maxDelay, Duration forgetAfter,
                           Duration bridgeIdle, ZoneId zone) {
    public ScreenConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static ScreenConfig from(Settings settings) {
        return new ScreenConfig(settings.duration("screen.session.idle-timeout"),
                settings.duration("screen.session.absolute-timeout"), settings.list("screen.allowed-origins"),
                https(settings), settings.integer("screen.signin.free-failures"),
                settings.integer("screen.signin.free-failures-per-address"),
                settings.duration("screen.signin.first-delay"), settings.duration("screen.signin.max-delay"),
                settings.duration("screen.signin.forget-after"), settings.duration("screen.bridge.idle-timeout"),
                zone(settings));
    }

    static ZoneId zone(Settings settings) {
        try {
            return ZoneId.of(settings.string("time-zone"));
        } catch (DateTimeException e) {
            throw new SettingsException("setting 'time-zone' must be a time zone such as Asia/Kabul, not '"
                    + settings.string("time-zone") + "'");
        }
    }

    /**
     * Browsers reach the screen over HTTPS when our own listener has a certificate ({@code http.tls.cert-file})
     * or when a TLS proxy in front says so ({@code screen.https}). The one place that decides it, so the cookies,
     * HSTS and the bridge's Origin check can never disagree with the listener.
     */
    static boolean https(Settings settings) {
        return settings.bool("screen.https") || !settings.string("http.tls.cert-file").isEmpty();
    }
}
