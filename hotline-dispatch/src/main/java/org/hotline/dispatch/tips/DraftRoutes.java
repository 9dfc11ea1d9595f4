package org.hotline.dispatch.tips;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import org.hotline.core.id.Ids;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.JsonBody;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.screen.SignedIn;

/**
 * The draft of a call's tip, saved by the operator's screen as they type (from the accept on):
 * <ul>
 *   <li>{@code GET /api/drafts}: my unfinished tips, {@code [{callId, tipId, updatedAt}]}, newest first;</li>
 *   <li>{@code GET /api/drafts/:callId}: {@code {callId, tipId, draft, updatedAt, saved}}; {@code draft} is null
 *       when none is stored, {@code saved} true (with the tip's id) once the call's tip is saved;</li>
 *   <li>{@code PUT /api/drafts/:callId} with {@code {tipId, draft}}: stores it; 409 once the tip is saved.</li>
 * </ul>
 * Only the operator who took the call (or holds its voice message) reads or writes its draft.
 */
final class DraftRoutes {
    /** Room for the longest summary in any script with every other field; a form never comes near it. */
    static final int MAX_DRAFT_CHARS = 32_000;
    private static final String NO_SUCH = "There is no such call.";
    private static final String UNAVAILABLE = "Your notes could not be saved on the server just now; they are "
            + "kept on this screen and saved again shortly.";

    private final TipDrafts drafts;
    private final Blocking blocking;
    private final Clock clock;

    DraftRoutes(TipDrafts drafts, Blocking blocking, Clock clock) {
        this.drafts = drafts;
        this.blocking = blocking;
        this.clock = clock;
    }

    void list(RoutingContext context) {
        String me = SignedIn.of(context).orElseThrow().operatorId();
        blocking.run(() -> drafts.list(me)).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Listing drafts", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            io.vertx.core.json.JsonArray list = new io.vertx.core.json.JsonArray();
            result.result().forEach(d -> list.add(new JsonObject().put("callId", d.callId()).put("tipId", d.tipId())
                    .put("updatedAt", d.updatedAt().toEpochMilli())));
            Replies.json(context, 200, list);
        });
    }

    void get(RoutingContext context) {
        String me = SignedIn.of(context).orElseThrow().operatorId();
        String callId = callId(context);
        if (callId == null) {
            return;
        }
        blocking.run(() -> {
            JsonObject answer = new JsonObject().put("callId", callId).put("saved", false);
            var saved = drafts.savedTip(me, callId);
            if (saved.isPresent()) {
                return answer.put("saved", true).put("tipId", saved.get()).putNull("draft");
            }
            return drafts.find(me, callId).map(d -> answer.put("tipId", d.tipId())
                            .put("draft", new JsonObject(d.content())).put("updatedAt", d.updatedAt().toEpochMilli()))
                    .orElseGet(() -> answer.putNull("tipId").putNull("draft"));
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Reading a draft", result.cause(), Replies.UNAVAILABLE);
            } else {
                Replies.json(context, 200, result.result());
            }
        });
    }

    void put(RoutingContext context) {
        String me = SignedIn.of(context).orElseThrow().operatorId();
        String callId = callId(context);
        if (callId == null) {
            return;
        }
        String tipId;
        String content;
        try {
            JsonObject body = JsonBody.required(context);
            tipId = body.getValue("tipId") instanceof String id && Ids.isUuid(id) ? id.toLowerCase(Locale.ROOT) : null;
            if (tipId == null) {
                throw ApiError.badRequest("tipId", "The draft's tip id is missing or not a valid id.");
            }
            if (!(body.getValue("draft") instanceof JsonObject draft)) {
                throw ApiError.badRequest("draft", "The draft must be a JSON object.");
            }
            content = draft.encode();
            if (content.length() > MAX_DRAFT_CHARS) {
                throw ApiError.badRequest("draft", "The draft is too long to keep.");
            }
        } catch (ApiError e) {
            Replies.failure(context, "Draft save", e, UNAVAILABLE);
            return;
        }
        blocking.run(() -> drafts.save(me, callId, tipId, content, clock.instant())).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Saving a draft", result.cause(), UNAVAILABLE);
            } else {
                var d = result.result();
                Replies.json(context, 200, new JsonObject().put("callId", d.callId()).put("tipId", d.tipId())
                        .put("updatedAt", d.updatedAt().toEpochMilli()));
            }
        });
    }

    /** The call id from the path, or null after answering 404 for anything that is not a call id. */
    private static String callId(RoutingContext context) {
        String callId = context.pathParam("callId");
        if (!Ids.isUuid(callId)) {
            Replies.error(context, 404, NO_SUCH, null);
            return null;
        }
        return callId.toLowerCase(Locale.ROOT);
    }
}
