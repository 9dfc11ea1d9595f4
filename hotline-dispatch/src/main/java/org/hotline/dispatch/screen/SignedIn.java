package org.hotline.dispatch.screen;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.util.Optional;
import java.util.Set;
import org.hotline.dispatch.operators.Role;

/**
 * The person signed in on this HTTP session, as the screen and every API handler see them. Stored in the
 * server-side session only (the cookie holds nothing but the session id).
 *
 * @param operatorId their operator id
 * @param username   their sign-in name
 * @param role       what they may do
 */
public record SignedIn(String operatorId, String username, Role role) {
    static final String SESSION_KEY = "signedIn";

    /** Who is signed in on this request's session, if anyone. */
    public static Optional<SignedIn> of(RoutingContext context) {
        Session session = context.session();
        if (session == null) {
            return Optional.empty();
        }
        JsonObject stored = session.get(SESSION_KEY);
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(new SignedIn(stored.getString("operatorId"), stored.getString("username"),
                Role.fromCode(stored.getString("role"))));
    }

    /**
     * A handler that lets the request through only for a signed-in person with one of {@code roles}: 401 without
     * a session, 403 for the wrong role.
     */
    public static Handler<RoutingContext> require(Role... roles) {
        Set<Role> allowed = Set.of(roles);
        return context -> {
            Optional<SignedIn> who = of(context);
            if (who.isEmpty()) {
                context.response().setStatusCode(401).end();
            } else if (!allowed.contains(who.get().role())) {
                context.response().setStatusCode(403).end();
            } else {
                context.next();
            }
        };
    }

    void store(Session session) {
        session.put(SESSION_KEY, new JsonObject().put("operatorId", operatorId).put("username", username)
                .put("role", role.code()));
    }

    /** The screen language the signed-in person chose (English if none, or if nobody is signed in). */
    public static org.hotline.core.i18n.UiLanguage language(RoutingContext context) {
        return context.session() == null ? org.hotline.core.i18n.UiLanguage.ENGLISH : ScreenLanguage.ofSession(context);
    }
}
