package org.hotline.dispatch.tips;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.core.id.Ids;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.AuditTrail;
import org.hotline.dispatch.screen.SignedIn;

/**
 * {@code GET /api/tips} (operators: their own; managers and admins: all, with filters) and
 * {@code GET /api/tips/:id} (the author, or a manager or admin). Every open of a tip, allowed or refused, is
 * written to the audit trail before anything is shown; if that write fails, nothing is shown.
 */
final class ReadTips {
    private final TipStore store;
    private final AuditTrail audit;
    private final Blocking blocking;
    private final TipFilters filters;
    private final Clock clock;

    ReadTips(TipStore store, AuditTrail audit, Blocking blocking, TipFilters filters, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.blocking = blocking;
        this.filters = filters;
        this.clock = clock;
    }

    void list(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        TipQuery query;
        try {
            query = filters.read(context.request().params(), who);
        } catch (ApiError e) {
            Replies.failure(context, "Tip list", e, Replies.UNAVAILABLE);
            return;
        }
        blocking.run(() -> store.list(query)).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Tip list", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            JsonArray rows = new JsonArray();
            result.result().forEach(row -> rows.add(TipJson.row(row)));
            Replies.json(context, 200, rows);
        });
    }

    void open(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        String id = context.pathParam("id");
        if (!Ids.isUuid(id)) {
            Replies.error(context, 404, "There is no such tip.", null);
            return;
        }
        blocking.run(() -> {
            StoredTip tip = store.find(id.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> ApiError.notFound("There is no such tip."));
            boolean allowed = TipAccess.canOpen(who, tip.operatorId());
            audit.record(AuditEvent.by(clock.instant(), who.operatorId(), who.role(),
                    allowed ? AuditAction.TIP_OPENED : AuditAction.TIP_OPEN_REFUSED, tip.id()));
            if (!allowed) {
                throw ApiError.forbidden("You may not open this tip.");
            }
            return tip;
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Opening a tip", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            StoredTip tip = result.result();
            Replies.json(context, 200, TipJson.detail(tip, TipAccess.canSeeSummary(who, tip.operatorId())));
        });
    }
}
