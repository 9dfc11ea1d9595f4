package org.hotline.dispatch.partners;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.hotline.core.call.Language;
import org.hotline.core.tip.Choice;
import org.hotline.core.tip.Country;
import org.hotline.core.tip.ReferralService;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.DSLContext;

/**
 * The partner directory API, {@code GET /api/partners?country=&service=&language=}, open to everyone signed in:
 * operators pick referral partners from it.
 */
public final class PartnerRoutes {
    private final PartnerDirectory directory;
    private final Blocking blocking;

    /** @param blocking the virtual threads that run the directory's JDBC */
    public PartnerRoutes(DSLContext dsl, Blocking blocking) {
        this.directory = new JooqPartnerDirectory(dsl);
        this.blocking = blocking;
    }

    /** Adds the route; the session handler must already be on the router. */
    public void mount(Router router) {
        router.get("/api/partners").handler(SignedIn.require(Role.values())).handler(this::search);
    }

    private void search(RoutingContext context) {
        PartnerQuery query;
        try {
            query = new PartnerQuery(
                    param(context, "country", code -> Choice.byCode(Country.class, code).orElse(null)),
                    param(context, "service", code -> Choice.byCode(ReferralService.class, code).orElse(null)),
                    param(context, "language", code -> Language.byCode(code).orElse(null)));
        } catch (ApiError e) {
            Replies.failure(context, "Partner search", e, Replies.UNAVAILABLE);
            return;
        }
        blocking.run(() -> directory.search(query)).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Partner search", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            JsonArray partners = new JsonArray();
            result.result().forEach(p -> partners.add(p.toJson()));
            Replies.json(context, 200, partners);
        });
    }

    /** A filter parameter: absent or blank matches everything, an unknown code is refused. */
    private static <T> T param(RoutingContext context, String name, Function<String, T> parse) {
        String value = context.request().getParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        T parsed = parse.apply(value.trim());
        if (parsed == null) {
            throw ApiError.badRequest(name, "Unknown " + name + " code.");
        }
        return parsed;
    }
}
