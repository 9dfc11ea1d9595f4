package org.hotline.dispatch.screen;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response: a Content-Security-Policy that allows no inline script or style and nothing from
 * another origin, no MIME sniffing, no referrer, no framing and no caching (pages and API answers carry caller
 * and tip data). HSTS only when the screen is served over HTTPS, where it cannot lock plain-HTTP users out.
 *
 * <p>Public for the HTTP server, whose own answers to requests that never reach the router (malformed, URI or
 * headers too long) carry the same headers.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; media-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final boolean https;

    SecurityHeaders(boolean https) {
        this.https = https;
    }

    @Override
    public void handle(RoutingContext context) {
        apply(context.response().headers(), https);
        context.next();
    }

    /** Sets the headers every response carries; {@code https} adds HSTS. */
    public static void apply(MultiMap headers, boolean https) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        headers.set("Cache-Control", "no-store");
        if (https) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
