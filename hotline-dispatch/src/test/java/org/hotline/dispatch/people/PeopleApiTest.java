package org.hotline.dispatch.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.SessionsEnded;
import org.hotline.core.call.Language;
import org.hotline.core.security.PasswordHasher;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People administration over HTTP on a real H2 file database: only an admin may list, add, edit, change roles,
 * reset passwords, disable and enable (managers and operators get 403); each change is audited with the person as
 * subject; wrong fields are refused field by field; disabling, a role change and a reset end the person's sessions;
 * and no change leaves the hotline without an enabled admin.
 */
class PeopleApiTest extends ApiTestBase {
    Person admin;
    Person manager;
    Person operator;
    OperatorDirectory directory;
    final List<SessionsEnded> ended = new CopyOnWriteArrayList<>();

    @BeforeAll
    void signInPeople() {
        admin = api.signIn("ada", Role.ADMIN);
        manager = api.signIn("mona", Role.MANAGER);
        operator = api.signIn("olga", Role.OPERATOR);
        directory = new JooqOperatorDirectory(api.dsl());
        api.vertx().eventBus().<JsonObject>consumer(BusAddresses.SESSIONS_ENDED,
                m -> ended.add(SessionsEnded.fromJson(m.body()))).completion().toCompletionStage()
                .toCompletableFuture().join();
    }

    private int audits(String action, String subject) {
        return api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq(action)
                .and(AUDIT_EVENTS.SUBJECT_ID.eq(subject)).and(AUDIT_EVENTS.SUBJECT_TYPE.eq("operator"))
                .and(AUDIT_EVENTS.ACTOR_ID.eq(admin.id())));
    }

    private static JsonObject newOperator(String username) {
        return new JsonObject().put("username", username).put("displayName", "Nadia " + username)
                .put("role", "operator").put("languages", new JsonArray().add("prs").add("ps"))
                .put("interpreter", false).put("endpoint", "PJSIP/2001");
    }

    private String add(JsonObject person) {
        Reply added = admin.client().post("/api/people", person);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().getJsonObject("person").getString("id");
    }

    private void awaitEnded(String operatorId, String keep) {
        await().atMost(Duration.ofSeconds(10)).until(() -> ended.contains(new SessionsEnded(operatorId, keep)));
    }

    @Test
    void anAdminAddsAPersonWithAMadePasswordShownOnceAndAudited() {
        Reply added = admin.client().post("/api/people", newOperator("nadia"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String password = added.json().getString("password");
        assertThat(password).hasSize(16);
        JsonObject person = added.json().getJsonObject("person");
        assertThat(person.getString("role")).isEqualTo("operator");
        assertThat(person.getJsonArray("languages")).containsExactly("prs", "ps");
        assertThat(person.getBoolean("enabled")).isTrue();
        assertThat(new PasswordHasher().verify(password.toCharArray(),
                directory.passwordHash("nadia").orElseThrow())).isTrue();
        assertThat(audits("person-added", person.getString("id"))).isEqualTo(1);
        assertThat(api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.SUBJECT_ID.contains(password))).isZero();

        Reply typed = admin.client().post("/api/people", newOperator("nasrin").put("password", "a typed secret!"));
        assertThat(typed.status()).as(typed.toString()).isEqualTo(201);
        assertThat(typed.json().containsKey("password")).isFalse();
        assertThat(new PasswordHasher().verify("a typed secret!".toCharArray(),
                directory.passwordHash("nasrin").orElseThrow())).isTrue();

        JsonArray listed = admin.client().get("/api/people").json().getJsonArray("people");
        JsonObject nadia = listed.stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("username").equals("nadia")).findFirst().orElseThrow();
        assertThat(nadia.getString("endpoint")).isEqualTo("PJSIP/2001");
        assertThat(nadia.getString("interfaceLanguage")).isEmpty();
        assertThat(nadia.containsKey("password")).isFalse();
        assertThat(listed.encode()).doesNotContain("argon2");
    }

    @Test
    void wrongFieldsAreRefusedEachByNameAndNothingIsAdded() {
        Reply refused = admin.client().post("/api/people", new JsonObject().put("username", "x y")
                .put("role", "operator").put("languages", new JsonArray().add("xx")).put("endpoint", "nonsense")
                .put("password", "short"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                .containsExactlyInAnyOrder("username", "languages", "endpoint", "password");

        Reply noLanguages = admin.client().post("/api/people", newOperator("lina").put("languages", new JsonArray())
                .putNull("endpoint"));
        assertThat(noLanguages.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                .containsExactlyInAnyOrder("languages", "endpoint");
        assertThat(directory.byUsername("lina")).isEmpty();

        Reply badRole = admin.client().post("/api/people", newOperator("lina").put("role", "king"));
        assertThat(badRole.json().getString("field")).isEqualTo("role");

        Reply taken = admin.client().post("/api/people", newOperator("olga"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().getString("field")).isEqualTo("username");
    }

    @Test
    void managersAndOperatorsAreRefusedEveryOperation() {
        for (Person who : List.of(manager, operator)) {
            assertThat(who.client().get("/api/people").status()).isEqualTo(403);
            assertThat(who.client().post("/api/people", newOperator("eve")).status()).isEqualTo(403);
            assertThat(who.client().post("/api/people/" + admin.id() + "/disable", new JsonObject()).status())
                    .isEqualTo(403);
            assertThat(who.client().post("/api/people/" + who.id() + "/role", new JsonObject().put("role", "admin"))
                    .status()).isEqualTo(403);
            assertThat(who.client().post("/api/people/" + who.id() + "/password", new JsonObject()).status())
                    .isEqualTo(403);
            assertThat(who.client().post("/api/people/" + operator.id(), newOperator("x")).status()).isEqualTo(403);
            assertThat(who.client().get("/people").status()).isEqualTo(403);
        }
        assertThat(api.anonymous().get("/api/people").status()).isEqualTo(401);
        assertThat(directory.byUsername("eve")).isEmpty();
        assertThat(directory.byId(admin.id()).orElseThrow().enabled()).isTrue();
        assertThat(directory.byId(manager.id()).orElseThrow().role()).isEqualTo(Role.MANAGER);
    }

    @Test
    void anAdminEditsAProfileAndChangesARoleWhichEndsTheSessions() {
        String id = add(newOperator("parwin"));
        Reply edited = admin.client().post("/api/people/" + id, new JsonObject().put("displayName", "Parwin K.")
                .put("languages", new JsonArray().add("uz")).put("interpreter", true).put("endpoint", "PJSIP/3003"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        Operator parwin = directory.byId(id).orElseThrow();
        assertThat(parwin.languages()).containsExactly(Language.UZBEK);
        assertThat(parwin.interpreter()).isTrue();
        assertThat(parwin.endpoint()).isEqualTo("PJSIP/3003");
        assertThat(parwin.displayName()).isEqualTo("Parwin K.");
        assertThat(audits("person-edited", id)).isEqualTo(1);

        Reply wrong = admin.client().post("/api/people/" + id, new JsonObject().put("displayName", "P")
                .put("languages", new JsonArray()).put("endpoint", "PJSIP/3003"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().getString("field")).isEqualTo("languages");
        assertThat(directory.byId(id).orElseThrow().languages()).containsExactly(Language.UZBEK);

        Reply promoted = admin.client().post("/api/people/" + id + "/role", new JsonObject().put("role", "manager"));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(directory.byId(id).orElseThrow().role()).isEqualTo(Role.MANAGER);
        assertThat(audits("person-role-changed", id)).isEqualTo(1);
        awaitEnded(id, null);

        assertThat(admin.client().post("/api/people/no-such-id", newOperator("x")).status()).isEqualTo(404);
    }

    @Test
    void aPasswordResetIsAuditedWithoutThePasswordAndEndsTheSessions() {
        String id = add(newOperator("zahra"));
        Reply reset = admin.client().post("/api/people/" + id + "/password", new JsonObject());
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        String made = reset.json().getString("password");
        assertThat(new PasswordHasher().verify(made.toCharArray(), directory.passwordHash("zahra").orElseThrow()))
                .isTrue();
        assertThat(audits("person-password-reset", id)).isEqualTo(1);
        awaitEnded(id, null);

        Reply tooShort = admin.client().post("/api/people/" + id + "/password",
                new JsonObject().put("password", "short"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().getString("field")).isEqualTo("password");
        assertThat(new PasswordHasher().verify(made.toCharArray(), directory.passwordHash("zahra").orElseThrow()))
                .isTrue();

        // Their own: every other session of theirs ends, the one they use stays.
        Reply own = admin.client().post("/api/people/" + admin.id() + "/password",
                new JsonObject().put("password", "my own new secret"));
        assertThat(own.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> ended.stream()
                .anyMatch(e -> e.operatorId().equals(admin.id()) && e.keepSessionId() != null));
    }

    @Test
    void disablingEndsTheSessionsAndStopsSignInUntilEnabledAgain() {
        String id = add(newOperator("farida"));
        Reply disabled = admin.client().post("/api/people/" + id + "/disable", new JsonObject());
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().getJsonObject("person").getBoolean("enabled")).isFalse();
        assertThat(directory.passwordHash("farida")).isEmpty();
        assertThat(audits("person-disabled", id)).isEqualTo(1);
        awaitEnded(id, null);

        Reply enabled = admin.client().post("/api/people/" + id + "/enable", new JsonObject());
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(directory.passwordHash("farida")).isPresent();
        assertThat(audits("person-enabled", id)).isEqualTo(1);
    }

    @Test
    void noChangeLeavesTheHotlineWithoutAnEnabledAdmin() {
        assertThat(directory.enabledAdmins()).isEqualTo(1);
        Reply disableSelf = admin.client().post("/api/people/" + admin.id() + "/disable", new JsonObject());
        assertThat(disableSelf.status()).isEqualTo(409);
        assertThat(disableSelf.json().getString("error")).contains("No enabled admin would be left");
        Reply demoteSelf = admin.client().post("/api/people/" + admin.id() + "/role",
                new JsonObject().put("role", "manager"));
        assertThat(demoteSelf.status()).isEqualTo(409);
        assertThat(directory.byId(admin.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(audits("person-disabled", admin.id()) + audits("person-role-changed", admin.id())).isZero();

        Person second = api.signIn("bashir", Role.ADMIN);
        assertThat(admin.client().post("/api/people/" + second.id() + "/disable", new JsonObject()).status())
                .isEqualTo(200);
        assertThat(admin.client().post("/api/people/" + admin.id() + "/role", new JsonObject().put("role", "manager"))
                .status()).isEqualTo(409);
        assertThat(admin.client().post("/api/people/" + second.id() + "/enable", new JsonObject()).status())
                .isEqualTo(200);
        assertThat(admin.client().post("/api/people/" + second.id() + "/role", new JsonObject().put("role", "manager"))
                .status()).isEqualTo(200);
        assertThat(admin.client().post("/api/people/" + admin.id() + "/disable", new JsonObject()).status())
                .isEqualTo(409);
        assertThat(directory.enabledAdmins()).isEqualTo(1);
    }
}
