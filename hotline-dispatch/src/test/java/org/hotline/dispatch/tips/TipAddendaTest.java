package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.core.db.Tables.TIP_ADDENDA;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Addenda: appended later by the author or a manager, each audited, the tip as first written untouched. */
class TipAddendaTest extends ApiTestBase {
    Person author;
    Person other;
    Person manager;

    @BeforeAll
    void signInPeople() {
        author = api.signIn("addenda-author", Role.OPERATOR);
        other = api.signIn("addenda-other", Role.OPERATOR);
        manager = api.signIn("addenda-manager", Role.MANAGER);
    }

    @Test
    void addendaAreAppendedAuditedAndShownWithTheTipWhichStaysAsWritten() {
        String tip = newTip();
        var before = api.dsl().selectFrom(TIPS).where(TIPS.ID.eq(tip)).fetchSingle();

        Reply first = add(author, tip, "The caller rang back: two more workers at the kiln.");
        Reply second = add(manager, tip, "Partner confirmed a visit on Thursday.");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(first.json().getString("authorId")).isEqualTo(author.id());
        assertThat(first.json().getString("at")).isNotBlank();
        JsonArray addenda = author.client().get("/api/tips/" + tip).json().getJsonArray("addenda");
        assertThat(addenda.stream().map(a -> ((JsonObject) a).getString("text"))).containsExactly(
                "The caller rang back: two more workers at the kiln.", "Partner confirmed a visit on Thursday.");
        assertThat(addenda.getJsonObject(1).getString("authorName")).isEqualTo("addenda-manager");
        var after = api.dsl().selectFrom(TIPS).where(TIPS.ID.eq(tip)).fetchSingle();
        assertThat(after).isEqualTo(before);
        assertThat(after.getSummary()).isEqualTo(TipForms.SECRET_SUMMARY);
        assertThat(api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.SUBJECT_ID.eq(tip)
                .and(AUDIT_EVENTS.ACTION.eq("tip-addendum-added")))).isEqualTo(2);
    }

    @Test
    void onlyThoseWhoWorkOnTheTipAddToIt() {
        String tip = newTip();
        assertThat(add(other, tip, "not mine").status()).isEqualTo(403);
        assertThat(add(other, TipForms.newId(), "no tip").status()).isEqualTo(404);
        assertThat(api.dsl().fetchCount(TIP_ADDENDA, TIP_ADDENDA.TIP_ID.eq(tip))).isZero();
        assertThat(api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.SUBJECT_ID.eq(tip)
                .and(AUDIT_EVENTS.ACTION.eq("tip-addendum-added")))).isZero();
    }

    @Test
    void anEmptyOrOverlongAddendumIsRefused() {
        String tip = newTip();
        Reply empty = add(author, tip, "   ");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().getString("field")).isEqualTo("text");
        assertThat(add(author, tip, "x".repeat(AddAddendum.MAX_LENGTH + 1)).status()).isEqualTo(400);
        assertThat(api.dsl().fetchCount(TIP_ADDENDA, TIP_ADDENDA.TIP_ID.eq(tip))).isZero();
    }

    private String newTip() {
        String tip = TipForms.newId();
        Reply saved = author.client().post("/api/tips", TipForms.substantive(tip));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        return tip;
    }

    private static Reply add(Person who, String tip, String text) {
        return who.client().post("/api/tips/" + tip + "/addenda", new JsonObject().put("text", text));
    }
}
