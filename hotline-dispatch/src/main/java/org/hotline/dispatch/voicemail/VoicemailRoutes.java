package org.hotline.dispatch.voicemail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.core.id.Ids;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.AuditTrail;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.DSLContext;

/**
 * Voice-message tasks for operators:
 * <ul>
 *   <li>{@code GET /api/voicemails}: unclaimed messages in a language I speak (any, if I work with an
 *       interpreter) and the ones I hold;</li>
 *   <li>{@code POST /api/voicemails/:callId/claim}: exactly one operator wins (409 for the others), and only one
 *       who speaks the message's language or works with an interpreter (403 for the others);</li>
 *   <li>{@code POST /api/voicemails/:callId/release}: give a claimed, unfinished message back;</li>
 *   <li>{@code GET /api/voicemails/:callId/audio}: the recording, to its claimant only (each play audited);</li>
 *   <li>{@code POST /api/voicemails/:callId/done}.</li>
 * </ul>
 * A tip is recorded from a claimed message by posting it with {@code callId} set to the message's call.
 */
public final class VoicemailRoutes {
    private static final String NO_SUCH = "There is no such voice message.";

    private final VoicemailTasks tasks;
    private final OperatorDirectory directory;
    private final AudioFiles audio;
    private final AuditTrail audit;
    private final Blocking blocking;
    private final Clock clock;

    /** @param directory where the IVR records voice messages ({@code ivr.voicemail.dir}) */
    public VoicemailRoutes(DSLContext dsl, AuditTrail audit, Blocking blocking, Path directory, Clock clock) {
        this.tasks = new JooqVoicemailTasks(dsl);
        this.directory = new JooqOperatorDirectory(dsl);
        this.audio = new AudioFiles(directory);
        this.audit = audit;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Adds the routes (operators only); the session handler must already be on the router. */
    public void mount(Router router) {
        router.get("/api/voicemails").handler(SignedIn.require(Role.OPERATOR)).handler(this::list);
        router.post("/api/voicemails/:callId/claim").handler(SignedIn.require(Role.OPERATOR)).handler(this::claim);
        router.get("/api/voicemails/:callId/audio").handler(SignedIn.require(Role.OPERATOR)).handler(this::audio);
        router.post("/api/voicemails/:callId/done").handler(SignedIn.require(Role.OPERATOR)).handler(this::done);
        router.post("/api/voicemails/:callId/release").handler(SignedIn.require(Role.OPERATOR))
                .handler(this::release);
    }

    private void list(RoutingContext context) {
        String me = SignedIn.of(context).orElseThrow().operatorId();
        blocking.run(() -> tasks.openFor(me, languages(operator(me)))).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Voice-message list", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            JsonArray list = new JsonArray();
            result.result().forEach(t -> list.add(new JsonObject().put("callId", t.callId())
                    .put("language", t.language()).put("purpose", t.purpose()).put("priority", t.priority())
                    .put("receivedAt", text(t.receivedAt())).put("claimedByMe", t.claimedByMe())
                    .put("claimedAt", text(t.claimedAt()))));
            Replies.json(context, 200, list);
        });
    }

    private void claim(RoutingContext context) {
        String me = SignedIn.of(context).orElseThrow().operatorId();
        String callId = callId(context);
        if (callId == null) {
            return;
        }
        blocking.run(() -> {
            VoicemailTasks.Message message = tasks.find(callId).orElseThrow(() -> ApiError.notFound(NO_SUCH));
            Set<String> languages = languages(operator(me));
            if (message.claimant() == null && languages != null && !languages.contains(message.language())) {
                throw ApiError.forbidden("This voice message is in a language you do not speak; an operator who "
                        + "speaks it, or works with an interpreter, takes it.");
            }
            boolean mine = message.claimant() == null ? tasks.claim(callId, me, clock.instant())
                    : message.claimant().equals(me);
            if (!mine) {
                throw ApiError.conflict("Another operator has already claimed this voice message.");
            }
            return callId;
        }).onComplete(result -> reply(context, "Claiming a voice message", result.failed() ? result.cause() : null,
                new JsonObject().put("callId", callId).put("claimed", true)));
    }

    private void audio(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        String callId = callId(context);
        if (callId == null) {
            return;
        }
        blocking.run(() -> {
            VoicemailTasks.Message message = held(callId, who.operatorId());
            Path file = audio.find(message.voicemailRef())
                    .orElseThrow(() -> ApiError.notFound("The recording of this voice message is missing."));
            audit.record(AuditEvent.by(clock.instant(), who.operatorId(), who.role(), AuditAction.VOICEMAIL_PLAYED,
                    callId));
            return file;
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Playing a voice message", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            Path file = result.result();
            context.response().putHeader("Content-Type", AudioFiles.contentType(file))
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .sendFile(file.toString())
                    .onFailure(e -> Replies.error(context, 404, "The recording of this voice message is missing.",
                            null));
        });
    }

    private void done(RoutingContext context) {
        onHeldMessage(context, "Finishing a voice message", (callId, me) -> tasks.done(callId, me, clock.instant()),
                new JsonObject().put("done", true));
    }

    private void release(RoutingContext context) {
        onHeldMessage(context, "Releasing a voice message", (callId, me) -> tasks.release(callId, me),
                new JsonObject().put("claimed", false));
    }

    /** Acts on a voice message the signed-in operator holds (refused otherwise), and answers {@code answer}. */
    private void onHeldMessage(RoutingContext context, String operation,
                               java.util.function.BiConsumer<String, String> action, JsonObject answer) {
        String me = SignedIn.of(context).orElseThrow().operatorId();
        String callId = callId(context);
        if (callId == null) {
            return;
        }
        blocking.run(() -> {
            held(callId, me);
            action.accept(callId, me);
            return callId;
        }).onComplete(result -> reply(context, operation, result.failed() ? result.cause() : null,
                answer.put("callId", callId)));
    }

    private Operator operator(String operatorId) {
        return directory.byId(operatorId).orElseThrow(() -> ApiError.forbidden("Your account is not known."));
    }

    /** The languages whose messages the operator may take: null for any (they work with an interpreter). */
    private static Set<String> languages(Operator operator) {
        return operator.interpreter() ? null
                : operator.languages().stream().map(Language::code).collect(Collectors.toSet());
    }

    /** The message, if {@code operatorId} holds it; otherwise 404 (no message) or 403 (not theirs). */
    private VoicemailTasks.Message held(String callId, String operatorId) {
        VoicemailTasks.Message message = tasks.find(callId).orElseThrow(() -> ApiError.notFound(NO_SUCH));
        if (!operatorId.equals(message.claimant())) {
            throw ApiError.forbidden("Only the operator who claimed this voice message can do that.");
        }
        return message;
    }

    /** The call id from the path, or null after answering 404 for anything that is not a call id. */
    private static String callId(RoutingContext context) {
        String callId = context.pathParam("callId");
        if (!Ids.isUuid(callId)) {
            Replies.error(context, 404, NO_SUCH, null);
            return null;
        }
        return callId.toLowerCase(java.util.Locale.ROOT);
    }

    private static void reply(RoutingContext context, String operation, Throwable failure, JsonObject success) {
        if (failure != null) {
            Replies.failure(context, operation, failure, Replies.UNAVAILABLE);
        } else {
            Replies.json(context, 200, success);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
