package org.hotline.dispatch.screen;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.hotline.core.logging.FloodLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the bridge against cross-site WebSocket hijacking: a browser sends the page's Origin with every
 * WebSocket upgrade, and a page on another site must not ride the operator's cookie into the bridge. The upgrade
 * needs an Origin that is configured or that names this server as the browser reached it (its Host header);
 * other bridge requests that carry an Origin must pass the same test.
 */
final class OriginCheck implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(OriginCheck.class);

    private final List<String> allowed;
    private final String scheme;
    /** A page elsewhere can open sockets in a loop: one line per interval with the count. */
    private final FloodLog refusals = new FloodLog(LOG, "bridge requests refused", FloodLog.DEFAULT_INTERVAL);

    OriginCheck(List<String> allowed, boolean https) {
        this.allowed = allowed.stream().map(OriginCheck::normalize).toList();
        this.scheme = https ? "https://" : "http://";
    }

    @Override
    public void handle(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        boolean upgrade = context.request().canUpgradeToWebSocket();
        if (origin == null ? upgrade : !permitted(origin, context.request().getHeader(HttpHeaders.HOST))) {
            refusals.warn("other-origin", "Refused a bridge {} from another origin",
                    upgrade ? "WebSocket upgrade" : "request");
            context.response().setStatusCode(403).end();
            return;
        }
        context.next();
    }

    boolean permitted(String origin, String host) {
        String normalized = normalize(origin);
        if (allowed.contains(normalized)) {
            return true;
        }
        return host != null && !host.isBlank() && normalized.equals(normalize(scheme + host));
    }

    private static String normalize(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
