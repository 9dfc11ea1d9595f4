package org.hotline.dispatch.tips;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.hotline.core.id.Ids;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.JsonBody;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.DSLContext;

/**
 * {@code POST /api/tips/:id/addenda} with {@code {"text": "..."}}: the tip's author, or a manager or admin, appends
 * what was learnt later. The tip itself is never rewritten; each addendum is audited. 201 with the addendum.
 */
final class AddAddendum implements Handler<RoutingContext> {
    static final int MAX_LENGTH = TipReader.SUMMARY_MAX_LENGTH;

    private final TipStore tips;
    private final DSLContext dsl;
    private final Blocking blocking;
    private final Clock clock;

    AddAddendum(TipStore tips, DSLContext dsl, Blocking blocking, Clock clock) {
        this.tips = tips;
        this.dsl = dsl;
        this.blocking = blocking;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        String tipId = context.pathParam("id");
        if (!Ids.isUuid(tipId)) {
            Replies.error(context, 404, "There is no such tip.", null);
            return;
        }
        String text;
        try {
            text = text(JsonBody.optional(context));
        } catch (ApiError e) {
            Replies.failure(context, "Tip addendum", e, Replies.UNAVAILABLE);
            return;
        }
        String id = tipId.toLowerCase(Locale.ROOT);
        blocking.run(() -> {
            StoredTip tip = tips.find(id).orElseThrow(() -> ApiError.notFound("There is no such tip."));
            if (!TipAccess.canChangeReferrals(who, tip.operatorId())) {
                throw ApiError.forbidden("You may not add to this tip.");
            }
            return JooqAddenda.append(dsl, id, text, who, clock.instant());
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Tip addendum", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            Replies.json(context, 201, TipJson.addendum(result.result()));
        });
    }

    private static String text(JsonObject body) {
        if (body == null) {
            throw ApiError.badRequest("text", "Write the addendum.");
        }
        String text = JsonFields.of(body, "", Set.of("text")).text("text");
        if (text == null) {
            throw ApiError.badRequest("text", "Write the addendum.");
        }
        if (text.length() > MAX_LENGTH || text.indexOf('\u0000') >= 0) {
            throw ApiError.badRequest("text", "The addendum must be text of at most " + MAX_LENGTH + " characters.");
        }
        return text.strip();
    }
}
