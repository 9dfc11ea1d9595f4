package org.hotline.dispatch.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;

import io.vertx.core.json.JsonObject;
import org.hotline.core.callback.CallbackSwitches;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The managers' callback switch per language over HTTP on a real H2 file database (the test server has
 * {@code callback.enabled=true}, {@code callback.languages=ur}): stored where the IVR reads it, audited, refused to
 * operators and for unknown languages.
 */
class CallbackSwitchApiTest extends ApiTestBase {
    Person operator;
    Person manager;

    @BeforeAll
    void signInPeople() {
        operator = api.signIn("olga", Role.OPERATOR);
        manager = api.signIn("mona", Role.MANAGER);
    }

    @Test
    void aManagerTurnsALanguageOnAndTheChangeIsStoredForTheIvrAndAudited() {
        int audits = api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("callback-switched"));
        JsonObject before = manager.client().get("/api/callback/switches").json();
        assertThat(before.getBoolean("enabled")).isTrue();
        assertThat(language(before, "ur").getBoolean("on")).as("configured default").isTrue();
        assertThat(language(before, "ur").getString("decidedBy")).isEqualTo("configuration");

        Reply on = manager.client().post("/api/callback/switches", new JsonObject().put("language", "prs")
                .put("on", true));
        Reply off = manager.client().post("/api/callback/switches", new JsonObject().put("language", "ur")
                .put("on", false));

        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(language(off.json(), "prs").getBoolean("on")).isTrue();
        assertThat(language(off.json(), "ur").getBoolean("on")).isFalse();
        assertThat(language(off.json(), "ur").getString("decidedBy")).isEqualTo("manager");
        assertThat(new CallbackSwitches(api.dsl()).load()).containsEntry("prs", true).containsEntry("ur", false);
        var audit = api.dsl().selectFrom(AUDIT_EVENTS).where(AUDIT_EVENTS.ACTION.eq("callback-switched"))
                .orderBy(AUDIT_EVENTS.ID.desc()).limit(1).fetchSingle();
        assertThat(audit.getActorId()).isEqualTo(manager.id());
        assertThat(audit.getSubjectType()).isEqualTo("settings");
        assertThat(audit.getSubjectId()).isEqualTo("callback-ur-off");
        assertThat(api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("callback-switched")))
                .isEqualTo(audits + 2);
    }

    @Test
    void operatorsUnknownLanguagesAndMissingValuesAreRefusedAndNothingIsStored() {
        int audits = api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("callback-switched"));
        var stored = new CallbackSwitches(api.dsl()).load();

        assertThat(operator.client().get("/api/callback/switches").status()).isEqualTo(403);
        assertThat(operator.client().post("/api/callback/switches", new JsonObject().put("language", "prs")
                .put("on", true)).status()).isEqualTo(403);
        Reply unknown = manager.client().post("/api/callback/switches", new JsonObject().put("language", "fr")
                .put("on", true));
        Reply missing = manager.client().post("/api/callback/switches", new JsonObject().put("language", "prs"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getString("field")).isEqualTo("language");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().getString("field")).isEqualTo("on");
        assertThat(new CallbackSwitches(api.dsl()).load()).isEqualTo(stored);
        assertThat(api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("callback-switched")))
                .isEqualTo(audits);
        assertThat(api.anonymous().get("/api/callback/switches").status()).isEqualTo(401);
    }

    private static JsonObject language(JsonObject switches, String code) {
        return switches.getJsonArray("languages").stream().map(JsonObject.class::cast)
                .filter(l -> l.getString("code").equals(code)).findFirst().orElseThrow();
    }
}
