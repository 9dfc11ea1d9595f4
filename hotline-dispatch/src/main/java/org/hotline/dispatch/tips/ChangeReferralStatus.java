package org.hotline.dispatch.tips;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Set;
import org.hotline.core.tip.ReferralStatus;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.core.id.Ids;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.screen.SignedIn;

/**
 * {@code POST /api/referrals/:id/status} with {@code {"status": "sent"}}: the tip's author or a manager or admin
 * moves a referral along; an invalid change is 409, and each change is kept with its time and author.
 */
final class ChangeReferralStatus implements Handler<RoutingContext> {
    private final ReferralStore store;
    private final Blocking blocking;
    private final Clock clock;

    ChangeReferralStatus(ReferralStore store, Blocking blocking, Clock clock) {
        this.store = store;
        this.blocking = blocking;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        String referralId = context.pathParam("id");
        if (!Ids.isUuid(referralId)) {
            Replies.error(context, 404, "There is no such referral.", null);
            return;
        }
        ReferralStatus to;
        try {
            JsonObject body = SubmitTip.body(context);
            if (body == null) {
                throw ApiError.badRequest("status", "Choose a status.");
            }
            to = JsonFields.of(body, "", Set.of("status")).choice("status", ReferralStatus.class, true, "a status");
        } catch (ApiError e) {
            Replies.failure(context, "Referral status", e, Replies.UNAVAILABLE);
            return;
        }
        blocking.run(() -> {
            ReferralStore.Owned owned = store.find(referralId)
                    .orElseThrow(() -> ApiError.notFound("There is no such referral."));
            if (!TipAccess.canChangeReferrals(who, owned.tipAuthorId())) {
                throw ApiError.forbidden("You may not change this referral.");
            }
            return store.changeStatus(referralId, to, who.operatorId(), clock.instant());
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Referral status", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            Replies.json(context, 200, TipJson.referral(result.result()));
        });
    }
}
