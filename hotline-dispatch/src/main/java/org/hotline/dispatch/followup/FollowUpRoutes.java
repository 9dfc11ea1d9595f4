package org.hotline.dispatch.followup;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.config.Settings;
import org.hotline.core.config.SettingsException;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow-up of referrals:
 * <ul>
 *   <li>{@code GET /api/follow-up}: the open referrals to follow up, overdue first (operators: of their own tips;
 *   managers and admins: everyone's);</li>
 *   <li>{@code GET /api/follow-up/overdue}: how many of those are overdue, for the reminder in every page's
 *   header, which asks again every minute;</li>
 *   <li>the gauge {@code hotline.referrals.overdue}: every overdue referral, counted every minute.</li>
 * </ul>
 * The session handler must already be on the router.
 */
public final class FollowUpRoutes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpRoutes.class);
    private static final Duration RECOUNT = Duration.ofMinutes(1);

    private final FollowUpQueries queries;
    private final Blocking blocking;
    private final Clock clock;
    private final ZoneId zone;
    private final int dueDays;
    private final AtomicInteger overdue = new AtomicInteger();
    private Vertx vertx;
    private long timer = -1;

    /**
     * @param dueDays how many days after it was made a referral with no due date of its own is due
     *                ({@link #dueDays(Settings)})
     */
    public FollowUpRoutes(DSLContext dsl, Blocking blocking, MeterRegistry registry, ZoneId zone, int dueDays,
                          Clock clock) {
        this.queries = new FollowUpQueries(dsl, zone, dueDays);
        this.blocking = blocking;
        this.clock = clock;
        this.zone = zone;
        this.dueDays = dueDays;
        Gauge.builder("hotline.referrals.overdue", overdue, AtomicInteger::get)
                .description("Open referrals past their due day, counted every minute").register(registry);
    }

    /** {@code referral.due-days}, checked: from 1 to 365. */
    public static int dueDays(Settings settings) {
        int days = settings.integer("referral.due-days");
        if (days < 1 || days > 365) {
            throw new SettingsException("setting 'referral.due-days' (" + Settings.environmentName("referral.due-days")
                    + ") must be from 1 to 365, not " + days);
        }
        return days;
    }

    /** Adds the routes and starts counting overdue referrals for the gauge. */
    public void mount(Router router, Vertx vertx) {
        router.get("/api/follow-up").handler(SignedIn.require(Role.values())).handler(this::list);
        router.get("/api/follow-up/overdue").handler(SignedIn.require(Role.values())).handler(this::overdue);
        this.vertx = vertx;
        vertx.runOnContext(v -> recount());
        timer = vertx.setPeriodic(RECOUNT.toMillis(), id -> recount());
    }

    private void recount() {
        blocking.run(() -> queries.overdue(null, today())).onComplete(result -> {
            if (result.succeeded()) {
                overdue.set(result.result());
            } else {
                LOG.warn("Counting overdue referrals failed; the gauge keeps its last count", result.cause());
            }
        });
    }

    private void list(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        LocalDate today = today();
        blocking.run(() -> queries.open(author(who), today)).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Follow-up list", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            JsonArray rows = new JsonArray();
            result.result().forEach(item -> rows.add(json(item)));
            Replies.json(context, 200, new JsonObject().put("today", today.toString()).put("timeZone", zone.getId())
                    .put("dueDays", dueDays)
                    .put("overdue", result.result().stream().filter(FollowUpItem::overdue).count())
                    .put("referrals", rows));
        });
    }

    private void overdue(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        blocking.run(() -> queries.overdue(author(who), today())).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Overdue referrals", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            Replies.json(context, 200, new JsonObject().put("overdue", result.result()));
        });
    }

    /** Operators follow up their own tips' referrals; managers and admins everyone's. */
    private static String author(SignedIn who) {
        return who.role().canManage() ? null : who.operatorId();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static JsonObject json(FollowUpItem i) {
        return new JsonObject().put("id", i.referralId()).put("tipId", i.tipId())
                .put("tipCreatedAt", i.tipCreatedAt().toString()).put("authorId", i.authorId())
                .put("authorName", i.authorName()).put("partnerName", i.partnerName())
                .put("partnerCountry", i.partnerCountry()).put("service", i.service()).put("consent", i.consent())
                .put("consentBasis", i.consentBasis()).put("status", i.status())
                .put("createdAt", i.createdAt().toString()).put("dueOn", i.dueOn().toString())
                .put("dueSet", i.dueSet()).put("overdue", i.overdue());
    }

    /** Stops the minute's recount. */
    @Override
    public void close() {
        if (vertx != null && timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
