package org.hotline.dispatch.screen;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.i18n.Messages;
import org.hotline.core.i18n.UiLanguage;
import org.hotline.core.text.Html;

/**
 * The sign-in page: a plain HTML form (it works without script) with the CSRF token filled in on the server, in
 * the language the browser asks for ({@code Accept-Language}; English when it asks for none we ship). Its texts are
 * the bundle keys in {@code data-i18n} attributes of the template, filled here from the bundle; the only other text
 * put into it is one of the fixed messages below, never anything the visitor typed.
 */
final class SignInPage {
    static final String WRONG = "signin.wrong";
    static final String UNAVAILABLE = "signin.unavailable";
    static final String EXPIRED = "signin.expired";
    static final String THROTTLED = "signin.throttled";

    private static final String TEMPLATE = "webroot/signin.html";
    /** An element's text from a key: {@code <tag ... data-i18n="key">English</tag>} (no nested markup). */
    private static final Pattern KEYED = Pattern.compile("(<(\\w+)[^>]*\\sdata-i18n=\"([a-z0-9.-]+)\"[^>]*>)([^<]*)(</\\2>)");

    private final Vertx vertx;

    SignInPage(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Answers with the page, a fresh CSRF token, and a message (a bundle key, may be empty). */
    void send(RoutingContext context, int status, String messageKey, Object... arguments) {
        String token = context.get(CSRFHandler.DEFAULT_HEADER_NAME);
        UiLanguage language = ScreenLanguage.fromAcceptLanguage(context.request().getHeader("Accept-Language"));
        Messages messages = Messages.of(language);
        vertx.fileSystem().readFile(TEMPLATE).onComplete(read -> {
            if (read.failed()) {
                context.fail(read.cause());
                return;
            }
            String page = StaticAssets.shared().rewrite(translate(read.result().toString(StandardCharsets.UTF_8),
                    messages))
                    .replace("lang=\"en\" dir=\"ltr\"", "lang=\"" + language.code() + "\" dir=\"" + language.dir()
                            + "\"")
                    .replace("{{token}}", escape(token == null ? "" : token))
                    .replace("{{message}}", messageKey.isEmpty() ? "" : escape(messages.format(messageKey,
                            arguments)));
            context.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Content-Language", language.code()).putHeader("Vary", "Accept-Language").end(page);
        });
    }

    /** Replaces the text of every element that names a key with the key's text in the language. */
    static String translate(String template, Messages messages) {
        Matcher m = KEYED.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + escape(messages.text(m.group(3)))
                    + m.group(5)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String text) {
        return Html.escape(text);
    }
}
