package org.hotline.dispatch.callback;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.hotline.core.call.Language;
import org.hotline.core.callback.CallbackConfig;
import org.hotline.core.callback.CallbackSwitches;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in callback's switch per caller language, for managers:
 * <ul>
 *   <li>{@code GET /api/callback/switches}: the master switch ({@code callback.enabled}, configuration only) and,
 *       per language, whether its callers are offered a callback and whether a manager decided it or the
 *       configuration's default ({@code callback.languages}) does;</li>
 *   <li>{@code POST /api/callback/switches} {@code {language, on}}: turns one language on or off; stored and
 *       audited ({@code callback-switched}) in one transaction, in force for the IVR within
 *       {@code callback.switch-refresh}, no restart.</li>
 * </ul>
 * Operators get 403. Nothing here touches a caller's number.
 */
public final class CallbackSwitchRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackSwitchRoutes.class);

    private final DSLContext dsl;
    private final CallbackConfig config;
    private final Blocking blocking;
    private final Clock clock;

    public CallbackSwitchRoutes(DSLContext dsl, CallbackConfig config, Blocking blocking, Clock clock) {
        this.dsl = dsl;
        this.config = config;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Adds the routes; the session, CSRF and security handlers must already be on the router. */
    public void mount(Router router) {
        router.get("/api/callback/switches").handler(SignedIn.require(Role.MANAGER, Role.ADMIN)).handler(this::get);
        router.post("/api/callback/switches").handler(BodyHandler.create(false).setBodyLimit(1024))
                .handler(SignedIn.require(Role.MANAGER, Role.ADMIN)).handler(this::post);
    }

    private void get(RoutingContext context) {
        blocking.run(() -> new CallbackSwitches(dsl).load()).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Callback switches", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            Replies.json(context, 200, json(result.result()));
        });
    }

    private void post(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        Language language;
        boolean on;
        try {
            JsonObject body = body(context);
            language = Language.byCode(String.valueOf(body.getValue("language"))).orElseThrow(
                    () -> ApiError.badRequest("language", "Choose one of the hotline's languages."));
            if (!(body.getValue("on") instanceof Boolean value)) {
                throw ApiError.badRequest("on", "Say whether callbacks are on (true) or off (false).");
            }
            on = value;
        } catch (ApiError e) {
            Replies.failure(context, "Callback switches", e, Replies.UNAVAILABLE);
            return;
        }
        Instant now = clock.instant();
        blocking.run(() -> {
            dsl.transaction(tx -> {
                CallbackSwitches.set(tx.dsl(), language.code(), on, who.operatorId(), now);
                new JooqAuditTrail(tx.dsl()).record(AuditEvent.by(now, who.operatorId(), who.role(),
                        AuditAction.CALLBACK_SWITCHED, "callback-" + language.code() + (on ? "-on" : "-off")));
            });
            return new CallbackSwitches(dsl).load();
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Callback switches", result.cause(),
                        "The callback switch could not be saved; try again.");
                return;
            }
            LOG.info("Callback switched {} for language {}", on ? "on" : "off", language.code());
            Replies.json(context, 200, json(result.result()));
        });
    }

    private JsonObject json(Map<String, Boolean> stored) {
        JsonArray languages = new JsonArray();
        for (Language language : Language.values()) {
            Boolean decided = stored.get(language.code());
            languages.add(new JsonObject().put("code", language.code()).put("name", language.englishName())
                    .put("on", decided != null ? decided : config.languages().contains(language.code()))
                    .put("decidedBy", decided != null ? "manager" : "configuration"));
        }
        return new JsonObject().put("enabled", config.enabled()).put("routes", new JsonArray(
                config.routes().stream().sorted().toList())).put("languages", languages);
    }

    private static JsonObject body(RoutingContext context) {
        try {
            JsonObject json = context.body().asJsonObject();
            if (json == null) {
                throw ApiError.badRequest(null, "The request is not a JSON object.");
            }
            return json;
        } catch (DecodeException | ClassCastException e) {
            throw ApiError.badRequest(null, "The request is not a JSON object.");
        }
    }
}
