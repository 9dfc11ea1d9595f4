package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Referral statuses: proposed → sent → accepted → completed, or declined / withdrawn; each change kept. */
class ReferralStatusTest extends ApiTestBase {
    Person author;
    Person other;
    Person manager;

    @BeforeAll
    void signInPeople() {
        author = api.signIn("author", Role.OPERATOR);
        other = api.signIn("other", Role.OPERATOR);
        manager = api.signIn("manager", Role.MANAGER);
    }

    @Test
    void aReferralMovesForwardAndEveryChangeIsTimestamped() {
        String referral = newReferral();

        assertThat(status(author, referral, "sent").json().getString("status")).isEqualTo("sent");
        assertThat(status(manager, referral, "accepted").json().getString("status")).isEqualTo("accepted");
        JsonObject completed = status(author, referral, "completed").json();

        assertThat(completed.getString("status")).isEqualTo("completed");
        JsonArray history = completed.getJsonArray("history");
        assertThat(history.stream().map(h -> (JsonObject) h).map(h -> h.getString("from") + ">" + h.getString("to")))
                .containsExactly("null>proposed", "proposed>sent", "sent>accepted", "accepted>completed");
        assertThat(history.getJsonObject(2).getString("by")).isEqualTo(manager.id());
        history.forEach(h -> assertThat(((JsonObject) h).getString("at")).isNotBlank());
        assertThat(api.dsl().fetchCount(REFERRAL_STATUS_CHANGES, REFERRAL_STATUS_CHANGES.REFERRAL_ID.eq(referral)))
                .isEqualTo(4);
        assertThat(api.dsl().fetchValue(REFERRALS.STATUS, REFERRALS.ID.eq(referral))).isEqualTo("completed");
    }

    @Test
    void invalidTransitionsAreConflictsAndChangeNothing() {
        String referral = newReferral();
        assertThat(status(author, referral, "completed").status()).isEqualTo(409);
        assertThat(status(author, referral, "accepted").status()).isEqualTo(409);
        assertThat(status(author, referral, "declined").status()).isEqualTo(200);
        for (String next : List.of("proposed", "sent", "accepted", "completed", "withdrawn")) {
            Reply reply = status(author, referral, next);
            assertThat(reply.status()).as("declined -> " + next).isEqualTo(409);
            assertThat(reply.json().getString("error")).isNotBlank();
        }
        assertThat(api.dsl().fetchCount(REFERRAL_STATUS_CHANGES, REFERRAL_STATUS_CHANGES.REFERRAL_ID.eq(referral)))
                .isEqualTo(2);
    }

    @Test
    void aReferralCanBeWithdrawnUntilItIsCompleted() {
        String proposed = newReferral();
        assertThat(status(author, proposed, "withdrawn").status()).isEqualTo(200);
        String accepted = newReferral();
        status(author, accepted, "sent");
        status(author, accepted, "accepted");
        assertThat(status(author, accepted, "withdrawn").status()).isEqualTo(200);
        String completed = newReferral();
        status(author, completed, "sent");
        status(author, completed, "accepted");
        status(author, completed, "completed");
        assertThat(status(author, completed, "withdrawn").status()).isEqualTo(409);
    }

    @Test
    void repeatingTheCurrentStatusIsHarmless() {
        String referral = newReferral();
        status(author, referral, "sent");
        Reply again = status(author, referral, "sent");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getJsonArray("history")).hasSize(2);
    }

    @Test
    void onlyTheAuthorOrAManagerChangesAReferral() {
        String referral = newReferral();
        assertThat(status(other, referral, "sent").status()).isEqualTo(403);
        assertThat(api.dsl().fetchValue(REFERRALS.STATUS, REFERRALS.ID.eq(referral))).isEqualTo("proposed");
        assertThat(status(other, TipForms.newId(), "sent").status()).isEqualTo(404);
        assertThat(status(other, "../x", "sent").status()).isEqualTo(404);
    }

    @Test
    void theStatusMustBeOneOfTheList() {
        String referral = newReferral();
        Reply reply = author.client().post("/api/referrals/" + referral + "/status",
                new JsonObject().put("status", "lost"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("field")).isEqualTo("status");
        assertThat(author.client().post("/api/referrals/" + referral + "/status", "{}").status()).isEqualTo(400);
    }

    private String newReferral() {
        String tip = TipForms.newId();
        Reply saved = author.client().post("/api/tips", TipForms.substantive(tip).put("referrals",
                new JsonArray().add(TipForms.referral("tm-enme", "shelter", true))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        return saved.json().getJsonArray("referrals").getJsonObject(0).getString("id");
    }

    private static Reply status(Person who, String referral, String status) {
        return who.client().post("/api/referrals/" + referral + "/status", new JsonObject().put("status", status));
    }
}
