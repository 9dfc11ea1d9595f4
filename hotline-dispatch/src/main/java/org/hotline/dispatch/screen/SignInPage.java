package org.hotline.dispatch.screen;

import org.hotline.core.text.Html;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;

/**
 * The sign-in page: a plain HTML form (it works without script) with the CSRF token filled in on the server. The
 * only other text put into it is one of the fixed messages below, never anything the visitor typed.
 */
final class SignInPage {
    static final String WRONG = "Wrong name or password.";
    static final String UNAVAILABLE = "Signing in is not possible right now. Please try again in a minute.";
    static final String EXPIRED = "The page had expired. Please sign in again.";

    private static final String TEMPLATE = "webroot/signin.html";

    private final Vertx vertx;

    SignInPage(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Answers with the page, a fresh CSRF token, and a message (may be empty). */
    void send(RoutingContext context, int status, String message) {
        String token = context.get(CSRFHandler.DEFAULT_HEADER_NAME);
        vertx.fileSystem().readFile(TEMPLATE).onComplete(read -> {
            if (read.failed()) {
                context.fail(read.cause());
                return;
            }
            String page = StaticAssets.shared()
                    .rewrite(read.result().toString(java.nio.charset.StandardCharsets.UTF_8))
                    .replace("{{token}}", escape(token == null ? "" : token))
                    .replace("{{message}}", escape(message));
            context.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(page);
        });
    }

    /** A wait, in whole seconds, as the page says it. */
    static String throttled(long seconds) {
        return "Too many failed sign-ins. Please wait " + seconds + (seconds == 1 ? " second" : " seconds")
                + " and try again.";
    }

    static String escape(String text) {
        return Html.escape(text);
    }
}
