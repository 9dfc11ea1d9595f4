package org.hotline.dispatch.tips;

import java.util.Map;
import org.hotline.core.i18n.Messages;
import org.hotline.core.i18n.UiLanguage;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.eventbus.EventBus;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.ZoneId;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.audit.AuditTrail;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.DSLContext;

/**
 * The tips API the dispatch screen calls:
 * <ul>
 *   <li>{@code GET /api/tip-options}: every choice list of the tip form;</li>
 *   <li>{@code POST /api/tips}: save a tip and its referrals (operators only; idempotent on the tip's id; one tip
 *       per call);</li>
 *   <li>{@code GET} and {@code PUT /api/drafts/:callId}: the tip of a call as it is typed ({@link DraftRoutes});</li>
 *   <li>{@code GET /api/tips}, {@code GET /api/tips/:id}: list and open tips, each open audited;</li>
 *   <li>{@code POST /api/referrals/:id/status}: move a referral along, with a due date and a note, under the
 *   consent rule;</li>
 *   <li>{@code POST /api/tips/:id/addenda}: append an addendum to a tip (audited; the tip is never rewritten).</li>
 * </ul>
 * The session handler (and, in the application, the CSRF handler) must already be on the router.
 */
public final class TipRoutes {
    /** Room for the longest summary in any script, with every other field, and little more. */
    private static final long BODY_LIMIT = 64 * 1024;

    private final SubmitTip submit;
    private final ReadTips read;
    private final ChangeReferralStatus referralStatus;
    private final AddAddendum addendum;
    private final DraftRoutes drafts;
    /** The choice lists in each screen language, built once. */
    private final Map<UiLanguage, String> options = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param dsl      the database; every call to it runs through {@code blocking}, never on an event loop
     * @param audit    where opens of tips are recorded
     * @param blocking the virtual threads that run JDBC
     * @param bus      where {@code TipSaved} is published after each new tip's commit
     * @param registry for {@code hotline.tips.saved} and {@code hotline.referrals.saved}
     * @param zone     the hotline's time zone, for the list's date filters
     */
    public TipRoutes(DSLContext dsl, AuditTrail audit, Blocking blocking, EventBus bus, MeterRegistry registry,
                     ZoneId zone, Clock clock) {
        TipStore store = new JooqTipStore(dsl);
        this.submit = new SubmitTip(store, blocking, bus, new TipMetrics(registry), clock);
        this.read = new ReadTips(store, audit, blocking, new TipFilters(zone), clock);
        this.referralStatus = new ChangeReferralStatus(new JooqReferralStore(dsl), blocking, clock, zone);
        this.addendum = new AddAddendum(store, dsl, blocking, clock);
        this.drafts = new DraftRoutes(new JooqTipDrafts(dsl), blocking, clock);
    }

    /** Adds the routes; the session handler must already be on the router. */
    public void mount(Router router) {
        // Vert.x wants the body handler first on a route. In the application the screen's router-wide body
        // handler has already read the body, and this one passes straight through.
        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        router.get("/api/tip-options").handler(SignedIn.require(Role.values())).handler(this::options);
        router.post("/api/tips").handler(body).handler(SignedIn.require(Role.OPERATOR)).handler(submit);
        router.get("/api/drafts").handler(SignedIn.require(Role.OPERATOR)).handler(drafts::list);
        router.get("/api/drafts/:callId").handler(SignedIn.require(Role.OPERATOR)).handler(drafts::get);
        router.put("/api/drafts/:callId").handler(body).handler(SignedIn.require(Role.OPERATOR)).handler(drafts::put);
        router.get("/api/tips").handler(SignedIn.require(Role.values())).handler(read::list);
        router.get("/api/tips/:id").handler(SignedIn.require(Role.values())).handler(read::open);
        router.post("/api/referrals/:id/status").handler(body).handler(SignedIn.require(Role.values()))
                .handler(referralStatus);
        router.post("/api/tips/:id/addenda").handler(body).handler(SignedIn.require(Role.values()))
                .handler(addendum);
    }

    private void options(RoutingContext context) {
        context.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(options.computeIfAbsent(SignedIn.language(context),
                        language -> TipOptions.build(Messages.of(language)).encode()));
    }
}
