package org.hotline.dispatch.tips;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.hotline.core.id.Ids;
import org.hotline.core.tip.ConsentBasis;
import org.hotline.core.tip.ReferralStatus;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.JsonBody;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.screen.SignedIn;

/**
 * {@code POST /api/referrals/:id/status} with {@code {"status": "sent", "dueOn": "2026-12-20", "note": "...",
 * "consentBasis": "imminent-danger"}} (all but the status optional): the tip's author or a manager or admin moves
 * a referral along, sets when its next step is due and says why. An invalid change is 409; so is going ahead
 * without the caller's consent and without a recorded basis (the consent rule). Each change is kept with its time
 * and author.
 */
final class ChangeReferralStatus implements Handler<RoutingContext> {
    static final int NOTE_MAX_LENGTH = 1000;
    /** A due date further away than this is a typo, not a plan. */
    private static final int DUE_MAX_DAYS = 366;

    private final ReferralStore store;
    private final Blocking blocking;
    private final Clock clock;
    private final ZoneId zone;

    ChangeReferralStatus(ReferralStore store, Blocking blocking, Clock clock, ZoneId zone) {
        this.store = store;
        this.blocking = blocking;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void handle(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        String referralId = context.pathParam("id");
        if (!Ids.isUuid(referralId)) {
            Replies.error(context, 404, "There is no such referral.", null);
            return;
        }
        ReferralChange change;
        try {
            change = read(JsonBody.optional(context));
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
            return store.change(referralId, change, who, clock.instant());
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Referral status", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            Replies.json(context, 200, TipJson.referral(result.result()));
        });
    }

    private ReferralChange read(JsonObject body) {
        if (body == null) {
            throw ApiError.badRequest("status", "Choose a status.");
        }
        JsonFields f = JsonFields.of(body, "", Set.of("status", "dueOn", "note", "consentBasis"));
        ReferralStatus to = f.choice("status", ReferralStatus.class, true, "a status");
        return new ReferralChange(to, dueOn(f.text("dueOn")), note(f.text("note")),
                f.choice("consentBasis", ConsentBasis.class, false, "a basis"));
    }

    private LocalDate dueOn(String text) {
        if (text == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("dueOn", "The due date must be a date such as 2026-12-31.");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (day.isBefore(today) || day.isAfter(today.plusDays(DUE_MAX_DAYS))) {
            throw ApiError.badRequest("dueOn", "The due date must be from today to a year from now.");
        }
        return day;
    }

    private static String note(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > NOTE_MAX_LENGTH || text.indexOf('\u0000') >= 0) {
            throw ApiError.badRequest("note", "The note must be text of at most " + NOTE_MAX_LENGTH + " characters.");
        }
        return text.strip();
    }
}
