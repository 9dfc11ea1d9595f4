package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consent rule, enforced by the server whatever the screen does: a referral the caller did not consent to is
 * not sent, accepted or completed unless a basis is recorded with a note; that exception is kept in the history,
 * audited in the same transaction, and covers the referral's later steps.
 */
class ConsentRuleTest extends ApiTestBase {
    Person author;
    Person manager;

    @BeforeAll
    void signInPeople() {
        author = api.signIn("consent-author", Role.OPERATOR);
        manager = api.signIn("consent-manager", Role.MANAGER);
    }

    @Test
    void aReferralWithoutConsentIsNotSentAndTheRuleIsNamed() {
        String referral = newReferral(false);

        Reply refused = change(manager, referral, new JsonObject().put("status", "sent").put("note", "asked"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().getString("error")).startsWith("Consent rule:");
        assertThat(refused.json().getString("field")).isEqualTo("consentBasis");
        assertThat(api.dsl().fetchValue(REFERRALS.STATUS, REFERRALS.ID.eq(referral))).isEqualTo("proposed");
        assertThat(api.dsl().fetchCount(REFERRAL_STATUS_CHANGES, REFERRAL_STATUS_CHANGES.REFERRAL_ID.eq(referral)))
                .isEqualTo(1);
        assertThat(audits(referral)).isZero();
    }

    @Test
    void aBasisNeedsANote() {
        String referral = newReferral(false);
        Reply refused = change(author, referral, new JsonObject().put("status", "sent")
                .put("consentBasis", "imminent-danger"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("note");
        assertThat(refused.json().getString("error")).startsWith("Consent rule:");
        assertThat(api.dsl().fetchValue(REFERRALS.STATUS, REFERRALS.ID.eq(referral))).isEqualTo("proposed");
    }

    @Test
    void withARecordedBasisAndANoteItGoesAheadAudited() {
        String referral = newReferral(false);
        Reply sent = change(manager, referral, new JsonObject().put("status", "sent")
                .put("consentBasis", "imminent-danger").put("note", "Caller is locked in; police informed"));

        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().getString("consentBasis")).isEqualTo("imminent-danger");
        JsonObject last = sent.json().getJsonArray("history").getJsonObject(1);
        assertThat(last.getString("consentBasis")).isEqualTo("imminent-danger");
        assertThat(last.getString("note")).isEqualTo("Caller is locked in; police informed");
        assertThat(audits(referral)).isEqualTo(1);
        assertThat(api.dsl().fetchValue(AUDIT_EVENTS.ACTOR_ID, AUDIT_EVENTS.SUBJECT_ID.eq(referral)))
                .isEqualTo(manager.id());

        // The basis, once recorded, covers the later steps; they are not audited again as exceptions.
        assertThat(change(author, referral, new JsonObject().put("status", "accepted")).status()).isEqualTo(200);
        assertThat(change(author, referral, new JsonObject().put("status", "completed")).status()).isEqualTo(200);
        assertThat(audits(referral)).isEqualTo(1);
    }

    @Test
    void withdrawingOrDecliningNeedsNoConsent() {
        assertThat(change(author, newReferral(false), new JsonObject().put("status", "withdrawn")).status())
                .isEqualTo(200);
        assertThat(change(author, newReferral(false), new JsonObject().put("status", "declined")).status())
                .isEqualTo(200);
    }

    @Test
    void aReferralWithConsentNeedsNoBasis() {
        String referral = newReferral(true);
        Reply sent = change(author, referral, new JsonObject().put("status", "sent"));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().getString("consentBasis")).isNull();
        assertThat(audits(referral)).isZero();
    }

    @Test
    void anUnknownBasisIsRefused() {
        Reply reply = change(author, newReferral(false), new JsonObject().put("status", "sent")
                .put("consentBasis", "convenience").put("note", "n"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("field")).isEqualTo("consentBasis");
    }

    private int audits(String referral) {
        return api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.SUBJECT_ID.eq(referral)
                .and(AUDIT_EVENTS.SUBJECT_TYPE.eq("referral")).and(AUDIT_EVENTS.ACTION.eq("referral-sent-without-consent")));
    }

    private String newReferral(boolean consent) {
        String tip = TipForms.newId();
        Reply saved = author.client().post("/api/tips", TipForms.substantive(tip).put("referrals",
                new JsonArray().add(TipForms.referral("tm-enme", "shelter", consent))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        return saved.json().getJsonArray("referrals").getJsonObject(0).getString("id");
    }

    static Reply change(Person who, String referral, JsonObject body) {
        return who.client().post("/api/referrals/" + referral + "/status", body);
    }
}
