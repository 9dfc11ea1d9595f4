package org.hotline.dispatch.alerts;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.JsonBody;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wallboard alerts' thresholds, for managers:
 * <ul>
 *   <li>{@code GET /api/wallboard/alerts}: the thresholds in force (null: no alert of that kind);</li>
 *   <li>{@code POST /api/wallboard/alerts} {@code {serviceLevelBelow, longestWaitOver, emergenciesWaiting}}: new
 *       thresholds, each a whole number in its range or null; 400 naming every field out of range; audited.</li>
 * </ul>
 * Routing reads the stored thresholds every few seconds, so a change shows on the wallboard within seconds.
 */
public final class AlertThresholdRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AlertThresholdRoutes.class);

    private final JooqAlertThresholds store;
    private final Blocking blocking;
    private final Clock clock;

    public AlertThresholdRoutes(DSLContext dsl, Blocking blocking, Clock clock) {
        this.store = new JooqAlertThresholds(dsl);
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Adds the routes; the session, CSRF and security handlers must already be on the router. */
    public void mount(Router router) {
        router.get("/api/wallboard/alerts").handler(SignedIn.require(Role.MANAGER, Role.ADMIN)).handler(this::get);
        router.post("/api/wallboard/alerts").handler(BodyHandler.create(false).setBodyLimit(4 * 1024))
                .handler(SignedIn.require(Role.MANAGER, Role.ADMIN)).handler(this::put);
    }

    private void get(RoutingContext context) {
        blocking.run(store::load).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Wallboard alerts", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            Replies.json(context, 200, json(result.result()));
        });
    }

    private void put(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        AlertThresholds thresholds;
        try {
            thresholds = parse(JsonBody.required(context));
        } catch (ApiError e) {
            Replies.failure(context, "Wallboard alerts", e, Replies.UNAVAILABLE);
            return;
        }
        blocking.run(() -> {
            store.save(thresholds, who.operatorId(), who.role(), clock.instant());
            return thresholds;
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Wallboard alerts", result.cause(),
                        "The thresholds could not be saved; try again.");
                return;
            }
            LOG.info("Wallboard alert thresholds changed");
            Replies.json(context, 200, json(result.result()));
        });
    }

    static AlertThresholds parse(JsonObject body) {
        List<ApiError> problems = new ArrayList<>();
        Integer serviceLevel = whole(body, "serviceLevelBelow", 1, 100, "a percentage from 1 to 100", problems);
        Integer wait = whole(body, "longestWaitOver", 1, 86_400, "seconds, from 1 to 86400", problems);
        Integer emergencies = whole(body, "emergenciesWaiting", 1, 1_000, "a number of calls from 1 to 1000",
                problems);
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        return new AlertThresholds(serviceLevel, wait, emergencies);
    }

    private static Integer whole(JsonObject body, String field, int min, int max, String what,
                                 List<ApiError> problems) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer number && number >= min && number <= max) {
            return number;
        }
        problems.add(ApiError.badRequest(field, "Give " + what + ", or leave it empty for no alert."));
        return null;
    }

    private static JsonObject json(AlertThresholds t) {
        return new JsonObject().put("serviceLevelBelow", t.serviceLevelBelow())
                .put("longestWaitOver", t.longestWaitOver()).put("emergenciesWaiting", t.emergenciesWaiting());
    }
}
