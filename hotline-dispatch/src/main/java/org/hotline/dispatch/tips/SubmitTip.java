package org.hotline.dispatch.tips;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.ScreenMessage;
import org.hotline.core.bus.TipSaved;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.JsonBody;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.screen.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/tips}: validates the form, saves tip, referrals and their first statuses in one transaction on
 * a virtual thread, and answers only after the commit. Then, for a new tip only, {@link TipSaved} goes on the bus
 * (ids only) so routing ends the operator's wrap-up. 201 for a new tip, 200 for a repeat of a saved id.
 */
final class SubmitTip implements Handler<RoutingContext> {
    /** The words the operator sees when the database fails; the screen keeps their input. */
    static final String SAVE_FAILED = "The tip could not be saved; nothing was lost on your screen — try again.";

    private static final Logger LOG = LoggerFactory.getLogger(SubmitTip.class);

    private final TipStore store;
    private final Blocking blocking;
    private final EventBus bus;
    private final TipMetrics metrics;
    private final Clock clock;

    SubmitTip(TipStore store, Blocking blocking, EventBus bus, TipMetrics metrics, Clock clock) {
        this.store = store;
        this.blocking = blocking;
        this.bus = bus;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        NewTip tip;
        try {
            tip = TipReader.read(JsonBody.optional(context));
        } catch (ApiError e) {
            Replies.failure(context, "Tip submission", e, SAVE_FAILED);
            return;
        }
        blocking.run(() -> store.save(tip, who.operatorId(), clock.instant())).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Saving tip " + tip.id(), result.cause(), SAVE_FAILED);
                return;
            }
            SaveResult saved = result.result();
            if (saved.created()) {
                metrics.saved(saved.tip());
                String callId = saved.tip().content().callId();
                bus.publish(BusAddresses.TIP_SAVED, new TipSaved(who.operatorId(), saved.tip().id(), callId).toJson());
                if (callId != null) {
                    // Every tab of the operator closes its form of this call (its draft is gone with the save).
                    bus.publish(BusAddresses.operatorScreen(who.operatorId()),
                            new ScreenMessage.TipRecorded(callId, saved.tip().id()).toJson());
                }
                LOG.info("Tip {} saved with {} referral(s)", saved.tip().id(), saved.tip().referrals().size());
            }
            // The author always sees their own summary.
            Replies.json(context, saved.created() ? 201 : 200, TipJson.detail(saved.tip(), true));
        });
    }
}
