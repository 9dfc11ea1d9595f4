package org.hotline.dispatch.prompts;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.PromptsChanged;
import org.hotline.core.call.Language;
import org.hotline.core.prompts.PromptRecording;
import org.hotline.core.prompts.PromptRecordings;
import org.hotline.core.prompts.PromptTexts;
import org.hotline.core.prompts.PromptsConfig;
import org.hotline.core.prompts.RecordingInstaller;
import org.hotline.core.prompts.RecordingRefused;
import org.hotline.core.prompts.SoxAudio;
import org.hotline.core.prompts.StudioPins;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.AuditTrail;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.PageRefusal;
import org.hotline.dispatch.screen.SignedIn;
import org.hotline.dispatch.screen.StaticAssets;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompt studio (issue 17), for managers:
 * <ul>
 *   <li>{@code GET /prompts}: the page; {@code GET /api/prompts}: coverage and every prompt with its state;</li>
 *   <li>{@code GET /api/prompts/placeholder/:lang/:key} and {@code GET /api/prompts/takes/:id/audio}: the audio;</li>
 *   <li>{@code POST /api/prompts/:lang/:key/upload} (multipart, field {@code audio}): a new take, converted with sox
 *       and checked (audited {@code prompt-uploaded});</li>
 *   <li>{@code POST /api/prompts/takes/:id/approve|reject}: the review by a second native speaker (audited);</li>
 *   <li>{@code POST /api/prompts/pins/:operatorId} {@code {pin}}: a person's studio PIN for recording by phone.</li>
 * </ul>
 * sox and every JDBC call run on virtual threads ({@link Blocking}), never on the event loop. Each change is
 * published on {@link BusAddresses#PROMPTS_CHANGED}, so the IVR reloads what it plays.
 */
public final class PromptStudioRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(PromptStudioRoutes.class);
    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private static final long MAX_UPLOAD_BYTES = 32L * 1024 * 1024;

    private final PromptsConfig config;
    private final PromptTexts texts;
    private final PromptRecordings recordings;
    private final RecordingInstaller installer;
    private final StudioPins pins;
    private final SoxAudio sox;
    private final OperatorDirectory directory;
    private final AuditTrail audit;
    private final Blocking blocking;
    private final EventBus bus;
    private final Clock clock;
    private final Map<Path, Integer> placeholderLengths = new ConcurrentHashMap<>();

    public PromptStudioRoutes(PromptsConfig config, DSLContext db, OperatorDirectory directory, AuditTrail audit,
                              Blocking blocking, EventBus bus, Clock clock) {
        this.config = config;
        this.texts = config.texts();
        this.recordings = new PromptRecordings(db);
        this.sox = new SoxAudio(config);
        this.installer = new RecordingInstaller(config, texts, sox, db);
        this.pins = new StudioPins(db, config.pinAttempts(), config.pinLockout());
        this.directory = directory;
        this.audit = audit;
        this.blocking = blocking;
        this.bus = bus;
        this.clock = clock;
    }

    /** Adds the routes; the session handler must already be on the router. */
    public void mount(Router router) {
        Path uploads = config.dir().resolve(".uploads");
        BodyHandler upload = BodyHandler.create(uploads.toString()).setBodyLimit(MAX_UPLOAD_BYTES)
                .setDeleteUploadedFilesOnEnd(true);
        BodyHandler json = BodyHandler.create(false).setBodyLimit(4 * 1024);
        Role[] managers = {Role.MANAGER, Role.ADMIN};
        router.get("/prompts").handler(PageRefusal.require("the prompt studio", Role.MANAGER, Role.ADMIN))
                .handler(context -> StaticAssets.shared().sendPage(context, "prompts.html"));
        router.get("/api/prompts").handler(SignedIn.require(managers)).handler(this::list);
        router.get("/api/prompts/placeholder/:lang/:key").handler(SignedIn.require(managers))
                .handler(this::placeholder);
        router.get("/api/prompts/takes/:id/audio").handler(SignedIn.require(managers)).handler(this::takeAudio);
        // The body first (Vert.x wants it before any user handler); the screen's session and CSRF checks have run
        // already, and the limit bounds what a request can write before the role is checked.
        router.post("/api/prompts/:lang/:key/upload").handler(upload).handler(SignedIn.require(managers))
                .handler(this::upload);
        router.post("/api/prompts/takes/:id/approve").handler(SignedIn.require(managers))
                .handler(c -> review(c, PromptRecording.State.APPROVED));
        router.post("/api/prompts/takes/:id/reject").handler(SignedIn.require(managers))
                .handler(c -> review(c, PromptRecording.State.REJECTED));
        router.post("/api/prompts/pins/:operatorId").handler(json).handler(SignedIn.require(managers))
                .handler(this::setPin);
    }

    private void list(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        blocking.run(() -> {
            Map<String, String> names = new ConcurrentHashMap<>();
            directory.all().forEach(o -> names.put(o.id(), o.displayName()));
            return StudioView.of(texts, recordings.all(), id -> names.getOrDefault(id, "?"), this::placeholderMs,
                    pins.number(who.operatorId()).orElse(null))
                    .put("people", new JsonArray(directory.all().stream()
                            .map(o -> new JsonObject().put("id", o.id()).put("name", o.displayName())
                                    .put("languages", o.languages().stream().map(Language::code).toList()))
                            .toList()));
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Prompt studio", result.cause(), Replies.UNAVAILABLE);
            } else {
                Replies.json(context, 200, result.result());
            }
        });
    }

    private int placeholderMs(String[] prompt) {
        Path file = config.placeholder(prompt[0], prompt[1]);
        if (!StudioView.exists(file)) {
            return -1;
        }
        return placeholderLengths.computeIfAbsent(file, sox::lengthMs);
    }

    private void placeholder(RoutingContext context) {
        String lang = context.pathParam("lang");
        String key = context.pathParam("key");
        if (!CODE.matcher(lang).matches() || !KEY.matcher(key).matches() || texts.text(lang, key).isEmpty()) {
            Replies.error(context, 404, "There is no such prompt.", null);
            return;
        }
        sendWav(context, config.placeholder(lang, key), "This placeholder has not been generated here "
                + "(run scripts/prompts, or set prompts.placeholder-dir).");
    }

    private void takeAudio(RoutingContext context) {
        String id = context.pathParam("id");
        if (!ID.matcher(id).matches()) {
            Replies.error(context, 404, "There is no such recording.", null);
            return;
        }
        blocking.run(() -> recordings.find(id)).onComplete(found -> {
            if (found.failed()) {
                Replies.failure(context, "Prompt audio", found.cause(), Replies.UNAVAILABLE);
            } else if (found.result().isEmpty()) {
                Replies.error(context, 404, "There is no such recording.", null);
            } else {
                PromptRecording take = found.result().get();
                sendWav(context, config.file(take.language(), take.fileName()), "This recording's file is missing.");
            }
        });
    }

    private void sendWav(RoutingContext context, Path file, String missing) {
        blocking.run(() -> Files.isRegularFile(file)).onComplete(exists -> {
            if (exists.failed() || !exists.result()) {
                Replies.error(context, 404, missing, null);
                return;
            }
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "audio/wav").putHeader("Cache-Control", "no-store")
                    .putHeader("X-Content-Type-Options", "nosniff").sendFile(file.toString())
                    .onFailure(context::fail);
        });
    }

    private void upload(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        String lang = context.pathParam("lang");
        String key = context.pathParam("key");
        Optional<FileUpload> file = context.fileUploads().stream().filter(f -> "audio".equals(f.name())).findFirst();
        if (!CODE.matcher(lang).matches() || !KEY.matcher(key).matches() || texts.text(lang, key).isEmpty()) {
            Replies.error(context, 404, "There is no such prompt.", null);
            return;
        }
        if (file.isEmpty() || file.get().size() == 0) {
            Replies.error(context, 400, "Choose a recording to upload.", "audio");
            return;
        }
        Path uploaded = Path.of(file.get().uploadedFileName());
        blocking.run(() -> {
            try {
                PromptRecording take = installer.install(uploaded, lang, key, who.operatorId(),
                        PromptRecording.Source.UPLOAD, clock.instant());
                audit.record(AuditEvent.by(clock.instant(), who.operatorId(), who.role(), AuditAction.PROMPT_UPLOADED,
                        take.id()));
                return take;
            } catch (RecordingRefused e) {
                throw ApiError.badRequest("audio", e.getMessage());
            }
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Prompt upload", result.cause(),
                        "The recording could not be stored; nothing changed — try again.");
                return;
            }
            PromptRecording take = result.result();
            LOG.info("Prompt take {} uploaded by {} for {} {}", take.id(), who.username(), lang, key);
            bus.publish(BusAddresses.PROMPTS_CHANGED, new PromptsChanged(lang, key).toJson());
            Replies.json(context, 201, new JsonObject().put("id", take.id()).put("lengthMs", take.lengthMs()));
        });
    }

    private void review(RoutingContext context, PromptRecording.State verdict) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        String id = context.pathParam("id");
        blocking.run(() -> {
            Operator me = directory.byId(who.operatorId()).orElseThrow();
            PromptRecordings.Review done = recordings.review(id, verdict, who.operatorId(),
                    me.languages().stream().map(Language::code).toList(), clock.instant());
            AuditAction action = switch (done) {
                case DONE -> verdict == PromptRecording.State.APPROVED ? AuditAction.PROMPT_APPROVED
                        : AuditAction.PROMPT_REJECTED;
                case OWN_TAKE, NOT_THEIR_LANGUAGE -> AuditAction.PROMPT_REVIEW_REFUSED;
                case NOT_AWAITING -> null;
            };
            if (action != null) {
                audit.record(AuditEvent.by(clock.instant(), who.operatorId(), who.role(), action, id));
            }
            return done == PromptRecordings.Review.DONE ? recordings.find(id).orElseThrow() : done;
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Prompt review", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            switch (result.result()) {
                case PromptRecording take -> {
                    bus.publish(BusAddresses.PROMPTS_CHANGED, new PromptsChanged(take.language(), take.key()).toJson());
                    Replies.json(context, 200, new JsonObject().put("id", take.id()).put("state", take.state().code()));
                }
                case PromptRecordings.Review refused -> Replies.error(context, refused
                        == PromptRecordings.Review.NOT_AWAITING ? 409 : 403, switch (refused) {
                            case OWN_TAKE -> "You recorded this take: a second native speaker must review it.";
                            case NOT_THEIR_LANGUAGE -> "Only someone who speaks this language can review it.";
                            default -> "This take is no longer awaiting review; reload the page.";
                        }, null);
                default -> Replies.error(context, 500, "Unexpected answer.", null);
            }
        });
    }

    private void setPin(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        String person = context.pathParam("operatorId");
        JsonObject body;
        try {
            body = context.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        String pin = body != null && body.getValue("pin") instanceof String p ? p : "";
        if (!StudioPins.PIN.matcher(pin).matches()) {
            Replies.error(context, 400, "A studio PIN is 4 to 8 digits.", "pin");
            return;
        }
        blocking.run(() -> {
            if (directory.byId(person).isEmpty()) {
                throw ApiError.notFound("There is no such person.");
            }
            String number = pins.set(person, pin.toCharArray(), clock.instant());
            audit.record(AuditEvent.by(clock.instant(), who.operatorId(), who.role(), AuditAction.STUDIO_PIN_SET,
                    person));
            return number;
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Studio PIN", result.cause(), Replies.UNAVAILABLE);
            } else {
                Replies.json(context, 200, new JsonObject().put("studioNumber", result.result()));
            }
        });
    }

}
