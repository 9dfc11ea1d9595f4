package org.hotline.dispatch.screen;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.core.text.Html;
import org.hotline.dispatch.operators.Role;

/**
 * The guard of pages a person opens in the browser (as against {@link SignedIn#require}, which guards the API
 * with bare status codes for scripts): someone signed out is sent to sign in; someone whose role may not see the
 * page gets a readable 403 page saying what happened, who can see it, and a link back to their own screen,
 * instead of the browser's blank error.
 */
public final class PageRefusal {
    private PageRefusal() {
    }

    /** Lets the request through only for a signed-in person with one of {@code roles}. */
    public static Handler<RoutingContext> require(String pageName, Role... roles) {
        Set<Role> allowed = Set.of(roles);
        return context -> {
            Optional<SignedIn> who = SignedIn.of(context);
            if (who.isEmpty()) {
                Pages.redirect(context, "/signin");
            } else if (!allowed.contains(who.get().role())) {
                refuse(context, who.get(), pageName, roles);
            } else {
                context.next();
            }
        };
    }

    static void refuse(RoutingContext context, SignedIn who, String pageName, Role... allowed) {
        String roles = Arrays.stream(allowed).map(r -> plural(r)).collect(Collectors.joining(" and "));
        String page = "<!doctype html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Not for your role — Hotline</title>\n<link rel=\"stylesheet\" href=\""
                + StaticAssets.shared().url("style.css") + "\">\n"
                + "</head>\n<body>\n<main class=\"refusal\" id=\"refusal\">\n<h1>This page is not open to you</h1>\n"
                + "<p id=\"refusal-what\">You asked for " + Html.escape(pageName) + ", which only "
                + Html.escape(roles) + " can see. You are signed in as " + Html.escape(who.username())
                + (who.role() == Role.MANAGER ? ", a " : ", an ") + Html.escape(who.role().code()) + ". Nothing was shown or changed.</p>\n"
                + "<p>If you need it for your work, ask a manager.</p>\n"
                + "<p><a id=\"refusal-back\" href=\"" + Pages.homeOf(who.role()) + "\">Back to your screen</a></p>\n"
                + "</main>\n</body>\n</html>\n";
        context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .end(page);
    }

    private static String plural(Role role) {
        return role.code().toLowerCase(Locale.ROOT) + "s";
    }
}
