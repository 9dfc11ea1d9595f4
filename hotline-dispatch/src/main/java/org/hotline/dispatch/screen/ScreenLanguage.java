package org.hotline.dispatch.screen;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotline.core.i18n.Bundles;
import org.hotline.core.i18n.UiLanguage;
import org.hotline.dispatch.api.JsonBody;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language of the screens: {@code GET /i18n/<code>.json} (a bundle for the browser, the same for everyone, so
 * cacheable), {@code PUT /api/me/language} (a person's own choice, stored with them) and
 * {@code GET /api/translations} (the translations no reader has checked, for managers). Before sign-in the
 * browser's {@code Accept-Language} chooses ({@link #fromAcceptLanguage}), with English as the fallback.
 */
final class ScreenLanguage {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenLanguage.class);
    /** A bundle changes only with a release; an hour keeps a new release's texts from waiting long. */
    static final String BUNDLE_CACHE = "public, max-age=3600";

    private final OperatorDirectory directory;
    private final WorkerExecutor workers;
    private final Bundles bundles;

    ScreenLanguage(OperatorDirectory directory, WorkerExecutor workers, Bundles bundles) {
        this.directory = directory;
        this.workers = workers;
        this.bundles = bundles;
    }

    /**
     * GET /i18n/:file, where the file is {@code <code>.json}; an unknown language is 404. {@code current.json} is
     * the bundle of whoever asks: the signed-in person's choice, else the browser's {@code Accept-Language}.
     */
    void bundle(RoutingContext context) {
        String file = context.pathParam("file");
        if ("current.json".equals(file)) {
            UiLanguage language = SignedIn.of(context).isPresent() ? ofSession(context)
                    : fromAcceptLanguage(context.request().getHeader("Accept-Language"));
            context.response().putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Vary", "Accept-Language, Cookie")
                    .end(bundles.clientJson(language).encode());
            return;
        }
        Optional<UiLanguage> language = file != null && file.endsWith(".json")
                ? exactly(file.substring(0, file.length() - ".json".length())) : Optional.empty();
        if (language.isEmpty()) {
            context.response().setStatusCode(404).end();
            return;
        }
        context.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", BUNDLE_CACHE)
                .end(bundles.clientJson(language.get()).encode());
    }

    /** PUT /api/me/language {"language": "prs"}: stores the signed-in person's choice. */
    void choose(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        JsonObject body;
        try {
            body = JsonBody.required(context);
        } catch (RuntimeException e) {
            refuse(context);
            return;
        }
        Optional<UiLanguage> language = exactly(body.getValue("language") instanceof String s ? s : null);
        if (language.isEmpty()) {
            refuse(context);
            return;
        }
        String code = language.get().code();
        workers.executeBlocking(() -> {
            directory.setInterfaceLanguage(who.operatorId(), code);
            return code;
        }, false).onComplete(stored -> {
            if (stored.failed()) {
                LOG.warn("Could not store a screen language (operator {})", who.operatorId(), stored.cause());
                context.fail(500, stored.cause());
                return;
            }
            ScreenSession.profile(context.session()).put(ScreenSession.INTERFACE_LANGUAGE, code);
            // Re-put, so a clustered session store writes the change.
            context.session().put(ScreenSession.PROFILE, ScreenSession.profile(context.session()));
            LOG.info("Screen language set to {} (operator {})", code, who.operatorId());
            context.response().setStatusCode(204).end();
        });
    }

    /** GET /api/translations: every machine-made or unreviewed translation, per language and key. */
    void unchecked(RoutingContext context) {
        JsonArray list = new JsonArray();
        for (Bundles.Unchecked u : bundles.unchecked()) {
            list.add(new JsonObject().put("language", u.language().code()).put("key", u.key())
                    .put("english", u.english()).put("text", u.text()).put("state", u.state().id()));
        }
        context.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("translations", list).encode());
    }

    private static void refuse(RoutingContext context) {
        context.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("field", "language").put("error", "Choose one of the listed languages.")
                        .encode());
    }

    /** A language by its bundle code exactly (no aliases: these codes come from our own pages). */
    static Optional<UiLanguage> exactly(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (UiLanguage language : UiLanguage.values()) {
            if (language.code().equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The first shipped language of an {@code Accept-Language} header, by weight; English when none is. */
    static UiLanguage fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return UiLanguage.ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            // A header the strict grammar refuses (a doubled q, a stray space): its tags in the order written.
            ranges = java.util.Arrays.stream(header.split(",")).map(part -> part.split(";")[0].trim())
                    .filter(tag -> tag.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*"))
                    .map(Locale.LanguageRange::new).toList();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0) {
                Optional<UiLanguage> language = UiLanguage.byCode(range.getRange());
                if (language.isPresent()) {
                    return language.get();
                }
            }
        }
        return UiLanguage.ENGLISH;
    }

    /** The stored choice of a signed-in person, as kept in their session; English if they never chose. */
    static UiLanguage ofSession(RoutingContext context) {
        return exactly(ScreenSession.profile(context.session()).getString(ScreenSession.INTERFACE_LANGUAGE))
                .orElse(UiLanguage.ENGLISH);
    }
}
