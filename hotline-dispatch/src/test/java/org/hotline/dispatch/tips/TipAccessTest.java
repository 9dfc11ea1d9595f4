package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Object-level access on the server: operators see only their own tips, managers and admins all of them. */
class TipAccessTest extends ApiTestBase {
    Person a;
    Person b;
    Person manager;
    Person admin;
    String tipOfA;
    String tipOfB;

    @BeforeAll
    void signInPeople() {
        a = api.signIn("operator-a", Role.OPERATOR);
        b = api.signIn("operator-b", Role.OPERATOR);
        manager = api.signIn("manager", Role.MANAGER);
        admin = api.signIn("admin", Role.ADMIN);
        tipOfA = TipForms.newId();
        tipOfB = TipForms.newId();
        assertThat(a.client().post("/api/tips", TipForms.withTwoReferrals(tipOfA)).status()).isEqualTo(201);
        assertThat(b.client().post("/api/tips", TipForms.substantive(tipOfB).put("signal", "crisis")
                .put("urgency", "critical").put("country", "PK").put("region", "PK-SD")
                .put("traffickingType", "sexual")).status()).isEqualTo(201);
    }

    @Test
    void anOperatorListsOnlyTheirOwnTips() {
        assertThat(ids(a.client().get("/api/tips").array())).containsExactly(tipOfA);
        assertThat(ids(b.client().get("/api/tips").array())).containsExactly(tipOfB);
        // A filter cannot widen an operator's list.
        assertThat(ids(a.client().get("/api/tips?country=PK").array())).isEmpty();
    }

    @Test
    void anOperatorCannotOpenAnotherOperatorsTip() {
        Reply reply = a.client().get("/api/tips/" + tipOfB);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).doesNotContain("Herat", "brick", "PK-SD");
    }

    @Test
    void theAuthorOpensTheirTipWithItsSummary() {
        Reply reply = a.client().get("/api/tips/" + tipOfA);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getString("summary")).isEqualTo(TipForms.SECRET_SUMMARY);
        assertThat(reply.json().getJsonArray("referrals")).hasSize(2);
    }

    @Test
    void managersAndAdminsListAndOpenEveryTip() {
        assertThat(ids(manager.client().get("/api/tips").array())).containsExactlyInAnyOrder(tipOfA, tipOfB);
        assertThat(ids(admin.client().get("/api/tips").array())).containsExactlyInAnyOrder(tipOfA, tipOfB);
        Reply opened = manager.client().get("/api/tips/" + tipOfB);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().getString("summary")).as("managers may read summaries")
                .isEqualTo(TipForms.SECRET_SUMMARY);
        assertThat(admin.client().get("/api/tips/" + tipOfA).status()).isEqualTo(200);
    }

    @Test
    void listRowsNeverCarryTheSummaryWhoeverAsks() {
        for (Person person : new Person[] {a, b, manager, admin}) {
            Reply reply = person.client().get("/api/tips");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).doesNotContain(TipForms.SECRET_SUMMARY);
            reply.array().forEach(row -> assertThat(((JsonObject) row).containsKey("summary")).isFalse());
        }
    }

    @Test
    void managersFilterTheList() {
        assertThat(ids(manager.client().get("/api/tips?signal=crisis").array())).containsExactly(tipOfB);
        assertThat(ids(manager.client().get("/api/tips?traffickingType=labour").array())).containsExactly(tipOfA);
        assertThat(ids(manager.client().get("/api/tips?country=AF").array())).containsExactly(tipOfA);
        assertThat(ids(manager.client().get("/api/tips?urgency=critical").array())).containsExactly(tipOfB);
        assertThat(ids(manager.client().get("/api/tips?country=AF&urgency=critical").array())).isEmpty();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Kabul"));
        assertThat(ids(manager.client().get("/api/tips?from=" + today + "&to=" + today).array())).hasSize(2);
        assertThat(ids(manager.client().get("/api/tips?to=" + today.minusDays(1)).array())).isEmpty();
        assertThat(ids(manager.client().get("/api/tips?from=" + today.plusDays(1)).array())).isEmpty();
        assertThat(ids(manager.client().get("/api/tips?limit=1").array())).hasSize(1);
    }

    @Test
    void listRowsCarryTheCodedFieldsAndCounts() {
        JsonObject row = manager.client().get("/api/tips?country=AF").array().getJsonObject(0);
        assertThat(row.getString("operatorName")).isEqualTo("operator-a");
        assertThat(row.getString("region")).isEqualTo("AF-HER");
        assertThat(row.getInteger("referrals")).isEqualTo(2);
        assertThat(row.getBoolean("crossBorder")).isTrue();
        assertThat(row.getInteger("victimsCount")).isEqualTo(3);
    }

    @Test
    void badFiltersAreRefusedByName() {
        for (String query : new String[] {"signal=rumour", "country=af", "from=yesterday", "to=2024-13-01",
                "limit=0", "limit=501", "limit=many", "urgency=soon", "traffickingType=x"}) {
            Reply reply = manager.client().get("/api/tips?" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(query).startsWith(reply.json().getString("field"));
        }
    }

    @Test
    void unknownOrMalformedTipIdsAreNotFound() {
        assertThat(manager.client().get("/api/tips/" + TipForms.newId()).status()).isEqualTo(404);
        assertThat(manager.client().get("/api/tips/not-a-tip").status()).isEqualTo(404);
        assertThat(manager.client().get("/api/tips/%27%20OR%201=1").status()).isEqualTo(404);
    }

    @Test
    void nobodySignedInSeesNothing() {
        assertThat(api.anonymous().get("/api/tips").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/api/tips/" + tipOfA).status()).isEqualTo(401);
        assertThat(api.anonymous().get("/api/tip-options").status()).isEqualTo(401);
    }

    private static java.util.List<String> ids(JsonArray rows) {
        return rows.stream().map(row -> ((JsonObject) row).getString("id")).toList();
    }
}
