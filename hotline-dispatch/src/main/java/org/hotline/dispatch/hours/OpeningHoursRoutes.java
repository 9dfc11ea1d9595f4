package org.hotline.dispatch.hours;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.core.bus.BusAddresses;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.JsonBody;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.PageRefusal;
import org.hotline.dispatch.screen.SignedIn;
import org.hotline.dispatch.screen.StaticAssets;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening hours and holidays, for managers (every change audited; operators get 403):
 * <ul>
 *   <li>{@code GET /api/hours}: {@code {zone, week, holidays}}; {@code week} is null when open around the clock,
 *       holidays are today's and later ones;</li>
 *   <li>{@code POST /api/hours/week} {@code {week: {mon: [{from: "08:00", to: "16:00"}], ...}}}: the new week;</li>
 *   <li>{@code DELETE /api/hours/week}: no opening hours, open around the clock (outside holidays);</li>
 *   <li>{@code POST /api/hours/holidays} {@code {date, intervals}}: adds or replaces a holiday (no intervals: closed
 *       all day);</li>
 *   <li>{@code DELETE /api/hours/holidays/:date}: removes one;</li>
 *   <li>{@code GET /hours}: the page.</li>
 * </ul>
 * A wrong field is refused with 400 naming every wrong field ({@link HoursForm}); nothing is saved then. After each
 * change routing is told to read the schedule again, so it holds for the next caller without a restart.
 */
public final class OpeningHoursRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OpeningHoursRoutes.class);
    private static final String WHAT = "Opening hours";
    private static final String NOT_SAVED = "The opening hours could not be saved; try again.";

    private final JooqOpeningHours store;
    private final Blocking blocking;
    private final EventBus bus;
    private final ZoneId zone;
    private final Clock clock;

    public OpeningHoursRoutes(DSLContext dsl, Blocking blocking, EventBus bus, ZoneId zone, Clock clock) {
        this.store = new JooqOpeningHours(dsl, zone);
        this.blocking = blocking;
        this.bus = bus;
        this.zone = zone;
        this.clock = clock;
    }

    /** Adds the routes; the session, CSRF and security handlers must already be on the router. */
    public void mount(Router router) {
        var managers = SignedIn.require(Role.MANAGER, Role.ADMIN);
        router.get("/api/hours").handler(managers).handler(this::get);
        router.post("/api/hours/week").handler(BodyHandler.create(false).setBodyLimit(16 * 1024))
                .handler(managers).handler(this::saveWeek);
        router.delete("/api/hours/week").handler(managers).handler(this::removeWeek);
        router.post("/api/hours/holidays").handler(BodyHandler.create(false).setBodyLimit(4 * 1024))
                .handler(managers).handler(this::saveHoliday);
        router.delete("/api/hours/holidays/:date").handler(managers).handler(this::removeHoliday);
        router.get("/hours").handler(PageRefusal.require("the opening hours", Role.MANAGER, Role.ADMIN))
                .handler(context -> StaticAssets.shared().sendPage(context, "hours.html"));
    }


    private void get(RoutingContext context) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        blocking.run(store::load).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, WHAT, result.cause(), Replies.UNAVAILABLE);
                return;
            }
            Replies.json(context, 200, json(result.result(), today));
        });
    }

    private void saveWeek(RoutingContext context) {
        Map<DayOfWeek, List<Interval>> week;
        try {
            week = HoursForm.week(JsonBody.required(context));
        } catch (ApiError e) {
            Replies.failure(context, WHAT, e, Replies.UNAVAILABLE);
            return;
        }
        change(context, () -> {
            SignedIn who = SignedIn.of(context).orElseThrow();
            store.saveWeek(week, who.operatorId(), who.role(), clock.instant());
            return null;
        }, "Opening hours changed");
    }

    private void removeWeek(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        change(context, () -> {
            store.saveWeek(null, who.operatorId(), who.role(), clock.instant());
            return null;
        }, "Opening hours removed: open around the clock");
    }

    private void saveHoliday(RoutingContext context) {
        HoursForm.Holiday holiday;
        try {
            holiday = HoursForm.holiday(JsonBody.required(context), LocalDate.now(clock.withZone(zone)));
        } catch (ApiError e) {
            Replies.failure(context, WHAT, e, Replies.UNAVAILABLE);
            return;
        }
        SignedIn who = SignedIn.of(context).orElseThrow();
        change(context, () -> {
            store.saveHoliday(holiday, who.operatorId(), who.role(), clock.instant());
            return null;
        }, "A holiday was set");
    }

    private void removeHoliday(RoutingContext context) {
        LocalDate date;
        try {
            date = HoursForm.date(context.pathParam("date"));
        } catch (ApiError e) {
            Replies.failure(context, WHAT, e, Replies.UNAVAILABLE);
            return;
        }
        SignedIn who = SignedIn.of(context).orElseThrow();
        change(context, () -> {
            if (!store.removeHoliday(date, who.operatorId(), who.role(), clock.instant())) {
                throw ApiError.notFound("No holiday on " + date + ".");
            }
            return null;
        }, "A holiday was removed");
    }

    /** Stores a change, tells routing, and answers the schedule now in force. */
    private void change(RoutingContext context, Callable<Void> write, String logLine) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        blocking.run(() -> {
            write.call();
            return store.load();
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, WHAT, result.cause(), NOT_SAVED);
                return;
            }
            LOG.info(logLine);
            bus.publish(BusAddresses.OPENING_HOURS_CHANGED, new JsonObject());
            Replies.json(context, 200, json(result.result(), today));
        });
    }

    static JsonObject json(OpeningHours hours, LocalDate today) {
        JsonObject week = null;
        if (hours.hasWeeklySchedule()) {
            week = new JsonObject();
            for (int i = 0; i < HoursForm.DAY_KEYS.size(); i++) {
                week.put(HoursForm.DAY_KEYS.get(i), intervals(hours.weekly().getOrDefault(DayOfWeek.of(i + 1),
                        List.of())));
            }
        }
        JsonArray holidays = new JsonArray();
        hours.holidays().entrySet().stream().filter(e -> !e.getKey().isBefore(today))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> holidays.add(new JsonObject().put("date", e.getKey().toString())
                        .put("closed", e.getValue().isEmpty()).put("intervals", intervals(e.getValue()))));
        return new JsonObject().put("zone", hours.zone().getId()).put("week", week).put("holidays", holidays);
    }

    private static JsonArray intervals(List<Interval> intervals) {
        JsonArray array = new JsonArray();
        intervals.forEach(i -> array.add(new JsonObject().put("from", Interval.clock(i.from()))
                .put("to", Interval.clock(i.to()))));
        return array;
    }
}
