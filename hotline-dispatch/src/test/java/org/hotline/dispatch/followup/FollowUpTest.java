package org.hotline.dispatch.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.REFERRALS;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Follow-up of referrals: a change carries a due date and a note; each operator sees their own tips' open
 * referrals and managers everyone's; a referral still open after its due day (set, or the default 7 days after it
 * was made) is overdue, first in the list and counted for the reminder.
 */
class FollowUpTest extends ApiTestBase {
    private static final ZoneId KABUL = ZoneId.of("Asia/Kabul");
    Person manager;

    @BeforeAll
    void signInManager() {
        manager = api.signIn("followup-manager", Role.MANAGER);
    }

    @Test
    void aChangeCarriesADueDateAndANote() {
        Person author = api.signIn("due-author", Role.OPERATOR);
        String referral = newReferral(author);
        String due = today().plusDays(3).toString();

        Reply sent = change(manager, referral, new JsonObject().put("status", "sent").put("dueOn", due)
                .put("note", "Phoned the shelter; they answer by Thursday"));

        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().getString("dueOn")).isEqualTo(due);
        JsonObject last = sent.json().getJsonArray("history").getJsonObject(1);
        assertThat(last.getString("note")).isEqualTo("Phoned the shelter; they answer by Thursday");
        assertThat(last.getString("dueOn")).isEqualTo(due);
        JsonObject item = only(author.client().get("/api/follow-up").json().getJsonArray("referrals"));
        assertThat(item.getString("id")).isEqualTo(referral);
        assertThat(item.getString("dueOn")).isEqualTo(due);
        assertThat(item.getBoolean("dueSet")).isTrue();
        assertThat(item.getBoolean("overdue")).isFalse();

        // The same status again with a new due date and a note is kept too; with neither it changes nothing.
        Reply again = change(author, referral, new JsonObject().put("status", "sent")
                .put("dueOn", today().plusDays(5).toString()).put("note", "Chased again"));
        assertThat(again.json().getJsonArray("history")).hasSize(3);
        assertThat(change(author, referral, new JsonObject().put("status", "sent")).json()
                .getJsonArray("history")).hasSize(3);
    }

    @Test
    void aDueDateBeforeTodayOrNotADateIsRefused() {
        Person author = api.signIn("bad-due-author", Role.OPERATOR);
        String referral = newReferral(author);
        for (String due : List.of(today().minusDays(1).toString(), "31/12/2026", today().plusYears(2).toString())) {
            Reply reply = change(author, referral, new JsonObject().put("status", "sent").put("dueOn", due));
            assertThat(reply.status()).as(due).isEqualTo(400);
            assertThat(reply.json().getString("field")).isEqualTo("dueOn");
        }
        assertThat(api.dsl().fetchValue(REFERRALS.STATUS, REFERRALS.ID.eq(referral))).isEqualTo("proposed");
    }

    @Test
    void overdueReferralsComeFirstAndAreCountedForTheirAuthorAndManagers() {
        Person author = api.signIn("late-author", Role.OPERATOR);
        Person colleague = api.signIn("late-colleague", Role.OPERATOR);
        String fresh = newReferral(author);
        String old = newReferral(author);
        String pastDue = newReferral(author);
        String closed = newReferral(author);
        // Made ten days ago (the default due day was three days ago); one due yesterday; one old but withdrawn.
        Instant tenDaysAgo = Instant.now().minus(10, ChronoUnit.DAYS);
        api.dsl().update(REFERRALS).set(REFERRALS.CREATED_AT, tenDaysAgo.atOffset(ZoneOffset.UTC))
                .where(REFERRALS.ID.in(old, closed)).execute();
        api.dsl().update(REFERRALS).set(REFERRALS.DUE_ON, today().minusDays(1))
                .where(REFERRALS.ID.eq(pastDue)).execute();
        assertThat(change(author, closed, new JsonObject().put("status", "withdrawn")).status()).isEqualTo(200);
        int managersBefore = manager.client().get("/api/follow-up/overdue").json().getInteger("overdue");

        JsonObject list = author.client().get("/api/follow-up").json();

        JsonArray rows = list.getJsonArray("referrals");
        assertThat(rows.stream().map(r -> ((JsonObject) r).getString("id")).toList())
                .containsExactly(old, pastDue, fresh);
        assertThat(rows.getJsonObject(0).getBoolean("overdue")).isTrue();
        assertThat(rows.getJsonObject(0).getBoolean("dueSet")).isFalse();
        assertThat(rows.getJsonObject(0).getString("dueOn"))
                .isEqualTo(LocalDate.ofInstant(tenDaysAgo, KABUL).plusDays(7).toString());
        assertThat(rows.getJsonObject(1).getBoolean("overdue")).isTrue();
        assertThat(rows.getJsonObject(2).getBoolean("overdue")).isFalse();
        assertThat(list.getLong("overdue")).isEqualTo(2);
        assertThat(list.getString("timeZone")).isEqualTo("Asia/Kabul");
        assertThat(author.client().get("/api/follow-up/overdue").json().getInteger("overdue")).isEqualTo(2);
        assertThat(colleague.client().get("/api/follow-up/overdue").json().getInteger("overdue")).isZero();
        assertThat(colleague.client().get("/api/follow-up").json().getJsonArray("referrals")).isEmpty();
        assertThat(manager.client().get("/api/follow-up").json().getJsonArray("referrals").stream()
                .map(r -> ((JsonObject) r).getString("id"))).contains(old, pastDue, fresh);
        assertThat(managersBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theOverdueCountIsAMetric() {
        assertThat(api.registry().find("hotline.referrals.overdue").gauge()).isNotNull();
    }

    @Test
    void nobodySignedInSeesNothing() {
        assertThat(api.anonymous().get("/api/follow-up").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/api/follow-up/overdue").status()).isEqualTo(401);
    }

    private static LocalDate today() {
        return LocalDate.now(KABUL);
    }

    private static JsonObject only(JsonArray rows) {
        assertThat(rows).hasSize(1);
        return rows.getJsonObject(0);
    }

    private String newReferral(Person author) {
        Reply saved = author.client().post("/api/tips", TipForms.substantive(TipForms.newId()).put("referrals",
                new JsonArray().add(TipForms.referral("af-iom", "shelter", true))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        return saved.json().getJsonArray("referrals").getJsonObject(0).getString("id");
    }

    private static Reply change(Person who, String referral, JsonObject body) {
        return who.client().post("/api/referrals/" + referral + "/status", body);
    }
}
