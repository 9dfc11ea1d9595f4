package org.hotline.dispatch.guidance;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.core.call.Purpose;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.JsonBody;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.PageRefusal;
import org.hotline.dispatch.screen.SignedIn;
import org.hotline.dispatch.screen.StaticAssets;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guidance on the operator's screen during a call, and its editing by managers:
 * <ul>
 *   <li>{@code GET /api/guidance?purpose=danger&language=en}: what to read on a call of that purpose (everyone
 *       signed in); when the store cannot be read, the built-in English texts, never an error;</li>
 *   <li>{@code GET /api/guidance/texts?language=en}: every text with its current version (managers);</li>
 *   <li>{@code GET /api/guidance/texts/:purpose/:topic/:language}: every version of one text (managers);</li>
 *   <li>{@code POST /api/guidance/texts/:purpose/:topic/:language} {@code {text, baseVersion}}: a new version,
 *       audited (managers; 403 for operators);</li>
 *   <li>{@code GET /guidance}: the managers' editing page.</li>
 * </ul>
 * The screen's session, CSRF and security handlers must already be on the router.
 */
public final class GuidanceRoutes {
    static final int MAX_TEXT = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(GuidanceRoutes.class);
    private static final String PAGE = "/guidance";

    private final GuidanceStore store;
    private final Blocking blocking;
    private final Clock clock;

    /**
     * @param dsl      the database; every call to it runs through {@code blocking}, never on an event loop
     * @param blocking the virtual threads that run JDBC
     */
    public GuidanceRoutes(DSLContext dsl, Blocking blocking, Clock clock) {
        this.store = new JooqGuidanceStore(dsl);
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Adds the routes; the session handler must already be on the router. */
    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(16 * 1024);
        router.get("/api/guidance").handler(SignedIn.require(Role.values())).handler(this::forCall);
        router.get("/api/guidance/texts").handler(SignedIn.require(Role.MANAGER, Role.ADMIN)).handler(this::list);
        router.get("/api/guidance/texts/:purpose/:topic/:language").handler(SignedIn.require(Role.MANAGER, Role.ADMIN))
                .handler(this::history);
        router.post("/api/guidance/texts/:purpose/:topic/:language").handler(body)
                .handler(SignedIn.require(Role.MANAGER, Role.ADMIN)).handler(this::edit);
        router.get(PAGE).handler(PageRefusal.require("the guidance texts", Role.MANAGER, Role.ADMIN))
                .handler(context -> StaticAssets.shared().sendPage(context, "guidance.html"));
    }

    private void forCall(RoutingContext context) {
        Purpose purpose;
        String language;
        try {
            purpose = purpose(context.request().getParam("purpose"));
            language = language(Optional.ofNullable(context.request().getParam("language"))
                    .orElse(GuidanceCatalogue.ENGLISH));
        } catch (ApiError e) {
            Replies.failure(context, "Guidance", e, Replies.UNAVAILABLE);
            return;
        }
        List<String> languages = List.of(language, GuidanceCatalogue.ENGLISH);
        blocking.run(() -> store.current(languages)).onComplete(result -> {
            if (result.failed()) {
                // The operator is on a call: the built-in texts, never an empty panel or an error.
                LOG.warn("Guidance store unreadable, showing the built-in texts: {}",
                        result.cause().getClass().getSimpleName());
            }
            Replies.json(context, 200, CallGuidance.of(purpose, language, result.succeeded() ? result.result() : null));
        });
    }

    private void list(RoutingContext context) {
        String language;
        try {
            language = language(Optional.ofNullable(context.request().getParam("language"))
                    .orElse(GuidanceCatalogue.ENGLISH));
        } catch (ApiError e) {
            Replies.failure(context, "Guidance list", e, Replies.UNAVAILABLE);
            return;
        }
        blocking.run(() -> store.current(List.of(language))).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Guidance list", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            Map<String, StoredText> byKey = result.result().stream()
                    .collect(Collectors.toMap(t -> t.slot().key(t.language()), Function.identity()));
            JsonArray texts = new JsonArray();
            for (GuidanceSlot slot : GuidanceCatalogue.slots()) {
                StoredText text = byKey.get(slot.key(language));
                JsonObject json = new JsonObject().put("purpose", slot.purpose()).put("topic", slot.topic())
                        .put("heading", GuidanceCatalogue.heading(slot)).put("language", language);
                if (text == null) {
                    // Not written in this language yet: start from the English built-in, as version 0.
                    json.put("version", 0).put("text", DefaultGuidance.text(slot));
                } else {
                    json.mergeIn(version(text));
                }
                texts.add(json);
            }
            Replies.json(context, 200, new JsonObject().put("language", language).put("texts", texts));
        });
    }

    private void history(RoutingContext context) {
        GuidanceSlot slot;
        String language;
        try {
            slot = slot(context);
            language = language(context.pathParam("language"));
        } catch (ApiError e) {
            Replies.failure(context, "Guidance history", e, Replies.UNAVAILABLE);
            return;
        }
        blocking.run(() -> store.history(slot, language)).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Guidance history", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            JsonArray versions = new JsonArray();
            result.result().forEach(t -> versions.add(version(t)));
            Replies.json(context, 200, new JsonObject().put("purpose", slot.purpose()).put("topic", slot.topic())
                    .put("heading", GuidanceCatalogue.heading(slot)).put("language", language)
                    .put("versions", versions));
        });
    }

    private void edit(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        GuidanceSlot slot;
        String language;
        String text;
        int baseVersion;
        try {
            slot = slot(context);
            language = language(context.pathParam("language"));
            JsonObject body = JsonBody.required(context);
            text = text(body.getValue("text"));
            if (!(body.getValue("baseVersion") instanceof Integer base) || base < 0) {
                throw ApiError.badRequest("baseVersion", "Say which version you edited.");
            }
            baseVersion = base;
        } catch (ApiError e) {
            Replies.failure(context, "Guidance edit", e, Replies.UNAVAILABLE);
            return;
        }
        blocking.run(() -> store.edit(slot, language, baseVersion, text, who, clock.instant())).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Guidance edit", result.cause(),
                        "The text could not be saved; nothing was lost on your screen — try again.");
                return;
            }
            LOG.info("Guidance {} saved as version {}", slot.key(language), result.result().version());
            Replies.json(context, 201, version(result.result()));
        });
    }

    private static JsonObject version(StoredText t) {
        return new JsonObject().put("version", t.version()).put("text", t.body())
                .put("at", t.at() == null ? null : t.at().toString())
                .put("by", t.authorId() == null ? "Built-in text" : t.authorName());
    }

    private static Purpose purpose(String code) {
        if (code != null) {
            for (Purpose p : Purpose.values()) {
                if (p.code().equals(code)) {
                    return p;
                }
            }
        }
        throw ApiError.badRequest("purpose", "Not a call purpose.");
    }

    private static String language(String code) {
        if (code == null || !GuidanceCatalogue.language(code)) {
            throw ApiError.badRequest("language", "Not a language of the guidance.");
        }
        return code;
    }

    private static GuidanceSlot slot(RoutingContext context) {
        return GuidanceCatalogue.slot(context.pathParam("purpose"), context.pathParam("topic"))
                .orElseThrow(() -> ApiError.notFound("There is no such guidance text."));
    }

    private static String text(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw ApiError.badRequest("text", "Write the text; it cannot be empty.");
        }
        String stripped = text.strip().replace("\r\n", "\n");
        if (stripped.length() > MAX_TEXT) {
            throw ApiError.badRequest("text", "The text is longer than " + MAX_TEXT + " characters.");
        }
        if (stripped.indexOf('\u0000') >= 0) {
            throw ApiError.badRequest("text", "The text contains a character that cannot be stored.");
        }
        return stripped;
    }

}
