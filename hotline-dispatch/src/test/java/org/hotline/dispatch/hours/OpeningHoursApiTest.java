package org.hotline.dispatch.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.HOLIDAYS;
import static org.hotline.core.db.Tables.OPENING_WEEK_INTERVALS;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.bus.BusAddresses;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opening hours and holidays over HTTP on a real H2 file database: a manager sets them (audited, routing told),
 * an operator is refused, and a wrong form is refused field by field with nothing saved.
 */
class OpeningHoursApiTest extends ApiTestBase {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kabul"));
    Person operator;
    Person manager;

    @BeforeAll
    void signInPeople() {
        operator = api.signIn("olga", Role.OPERATOR);
        manager = api.signIn("mona", Role.MANAGER);
    }

    private static JsonObject interval(String from, String to) {
        return new JsonObject().put("from", from).put("to", to);
    }

    private int audits(String action) {
        return api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq(action));
    }

    @Test
    void aManagerSetsTheWeekAndAHolidayEachChangeAuditedAndRoutingTold() {
        AtomicInteger told = new AtomicInteger();
        api.vertx().eventBus().consumer(BusAddresses.OPENING_HOURS_CHANGED, m -> told.incrementAndGet())
                .completion().toCompletionStage().toCompletableFuture().join();
        int weekAudits = audits("opening-hours-set");
        int holidayAudits = audits("holiday-set");

        Reply week = manager.client().post("/api/hours/week", new JsonObject().put("week", new JsonObject()
                .put("sat", new JsonArray().add(interval("08:00", "12:00")).add(interval("13:00", "16:30")))
                .put("thu", new JsonArray().add(interval("08:00", "12:00")))));
        assertThat(week.status()).as(week.toString()).isEqualTo(200);
        assertThat(week.json().getJsonObject("week").getJsonArray("sat").getJsonObject(1).getString("to"))
                .isEqualTo("16:30");
        assertThat(week.json().getJsonObject("week").getJsonArray("fri")).isEmpty();

        LocalDate eid = TODAY.plusDays(30);
        Reply holiday = manager.client().post("/api/hours/holidays", new JsonObject().put("date", eid.toString()));
        assertThat(holiday.status()).as(holiday.toString()).isEqualTo(200);
        Reply half = manager.client().post("/api/hours/holidays", new JsonObject().put("date", TODAY.toString())
                .put("intervals", new JsonArray().add(interval("09:00", "12:00"))));
        assertThat(half.status()).as(half.toString()).isEqualTo(200);

        JsonObject now = manager.client().get("/api/hours").json();
        assertThat(now.getString("zone")).isEqualTo("Asia/Kabul");
        assertThat(now.getJsonArray("holidays").stream().map(h -> ((JsonObject) h).getString("date")))
                .containsExactly(TODAY.toString(), eid.toString());
        assertThat(now.getJsonArray("holidays").getJsonObject(1).getBoolean("closed")).isTrue();

        var audit = api.dsl().selectFrom(AUDIT_EVENTS).where(AUDIT_EVENTS.ACTION.eq("holiday-set"))
                .orderBy(AUDIT_EVENTS.ID.desc()).limit(1).fetchSingle();
        assertThat(audit.getActorId()).isEqualTo(manager.id());
        assertThat(audit.getSubjectType()).isEqualTo("holiday");
        assertThat(audit.getSubjectId()).isEqualTo(TODAY.toString());
        assertThat(audits("opening-hours-set")).isEqualTo(weekAudits + 1);
        assertThat(audits("holiday-set")).isEqualTo(holidayAudits + 2);

        int removals = audits("holiday-removed");
        assertThat(manager.client().delete("/api/hours/holidays/" + eid).status()).isEqualTo(200);
        assertThat(manager.client().delete("/api/hours/holidays/" + eid).status()).isEqualTo(404);
        assertThat(audits("holiday-removed")).isEqualTo(removals + 1);
        assertThat(manager.client().delete("/api/hours/week").status()).isEqualTo(200);
        assertThat(manager.client().get("/api/hours").json().getValue("week")).as("open around the clock").isNull();
        assertThat(audits("opening-hours-set")).isEqualTo(weekAudits + 2);
        await().until(() -> told.get() == 5);
    }

    @Test
    void operatorsCannotSeeOrChangeTheHours() {
        int before = api.dsl().fetchCount(OPENING_WEEK_INTERVALS);
        assertThat(operator.client().get("/api/hours").status()).isEqualTo(403);
        assertThat(operator.client().post("/api/hours/week", new JsonObject().put("week", new JsonObject()
                .put("mon", new JsonArray().add(interval("08:00", "09:00"))))).status()).isEqualTo(403);
        assertThat(operator.client().post("/api/hours/holidays", new JsonObject()
                .put("date", TODAY.plusDays(3).toString())).status()).isEqualTo(403);
        assertThat(operator.client().delete("/api/hours/week").status()).isEqualTo(403);
        assertThat(api.dsl().fetchCount(OPENING_WEEK_INTERVALS)).isEqualTo(before);
        assertThat(api.anonymous().get("/api/hours").status()).isEqualTo(401);
    }

    @Test
    void overlappingOrBackwardIntervalsAndAPastHolidayAreRefusedFieldByFieldAndNothingIsSaved() {
        int weekRows = api.dsl().fetchCount(OPENING_WEEK_INTERVALS);
        int holidays = api.dsl().fetchCount(HOLIDAYS);
        int weekAudits = audits("opening-hours-set");

        Reply overlap = manager.client().post("/api/hours/week", new JsonObject().put("week", new JsonObject()
                .put("sun", new JsonArray().add(interval("08:00", "12:00")).add(interval("11:30", "14:00")))
                .put("mon", new JsonArray().add(interval("18:00", "02:00")))
                .put("tue", new JsonArray().add(interval("09:00", "10:00")))));
        assertThat(overlap.status()).isEqualTo(400);
        JsonArray errors = overlap.json().getJsonArray("errors");
        assertThat(errors.stream().map(e -> ((JsonObject) e).getString("field")))
                .as("Monday first").containsExactly("week.mon[0].to", "week.sun[1].from");
        assertThat(errors.getJsonObject(0).getString("error")).contains("not after the start");
        assertThat(errors.getJsonObject(1).getString("error")).contains("11:30-14:00 overlaps 08:00-12:00");

        Reply past = manager.client().post("/api/hours/holidays", new JsonObject()
                .put("date", TODAY.minusDays(1).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().getString("field")).isEqualTo("date");
        assertThat(past.json().getString("error")).contains("in the past");

        assertThat(api.dsl().fetchCount(OPENING_WEEK_INTERVALS)).isEqualTo(weekRows);
        assertThat(api.dsl().fetchCount(HOLIDAYS)).isEqualTo(holidays);
        assertThat(audits("opening-hours-set")).isEqualTo(weekAudits);
    }
}
