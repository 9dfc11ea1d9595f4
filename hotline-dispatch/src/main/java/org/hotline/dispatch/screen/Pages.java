package org.hotline.dispatch.screen;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Predicate;
import org.hotline.dispatch.operators.Role;

/**
 * The screen's pages: {@code /} sends each person to their view, and each view is served only to the roles it is
 * for (anyone else is sent home, and no one signed out sees more than the sign-in page). The pages are static
 * HTML; everything person-specific arrives later through {@code /api/session} and the bridge.
 */
final class Pages {
    static final String OPERATOR = "/operator";
    static final String MANAGER = "/manager";
    /** Everyone's own tips and referrals to follow up (managers: everyone's referrals). */
    static final String FOLLOW_UP = "/follow-up";

    private Pages() {
    }

    /** GET /: the view of the signed-in person's role, or the sign-in page. */
    static void home(RoutingContext context) {
        redirect(context, SignedIn.of(context).map(who -> homeOf(who.role())).orElse("/signin"));
    }

    static String homeOf(Role role) {
        return role == Role.OPERATOR ? OPERATOR : MANAGER;
    }

    /** Serves {@code file} (under the classpath's webroot) to signed-in people whose role passes {@code allowed}. */
    static Handler<RoutingContext> view(Predicate<Role> allowed, String file) {
        return context -> {
            Optional<SignedIn> who = SignedIn.of(context);
            if (who.isEmpty()) {
                redirect(context, "/signin");
            } else if (!allowed.test(who.get().role())) {
                redirect(context, "/");
            } else {
                StaticAssets.shared().sendPage(context, file);
            }
        };
    }

    /** A 303, so a form post is never repeated by the browser. */
    static void redirect(RoutingContext context, String to) {
        context.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, to).end();
    }
}
