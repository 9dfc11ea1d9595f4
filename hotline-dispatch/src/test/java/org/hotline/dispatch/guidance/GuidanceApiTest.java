package org.hotline.dispatch.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.GUIDANCE_TEXTS;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guidance texts over HTTP on a real H2 file database with the real migrations: what an operator reads on a call
 * of each purpose, managers' edits as new versions with their history and audit rows, refusals, and the built-in
 * texts when the store cannot be read.
 */
class GuidanceApiTest extends ApiTestBase {
    Person operator;
    Person manager;

    @BeforeAll
    void signInPeople() {
        operator = api.signIn("olga", Role.OPERATOR);
        manager = api.signIn("mona", Role.MANAGER);
    }

    @Test
    void theSeededTextsAreTheBuiltInOnes() {
        Map<GuidanceSlot, String> seeded = api.dsl().selectFrom(GUIDANCE_TEXTS)
                .where(GUIDANCE_TEXTS.VERSION.eq(1)).and(GUIDANCE_TEXTS.LANGUAGE_CODE.eq("en"))
                .and(GUIDANCE_TEXTS.CREATED_BY.isNull())
                .fetchMap(r -> new GuidanceSlot(r.getPurpose(), r.getTopic()), r -> r.getBody());
        assertThat(seeded).isEqualTo(DefaultGuidance.all());
        assertThat(seeded.keySet()).containsExactlyInAnyOrderElementsOf(GuidanceCatalogue.slots());
    }

    @Test
    void aDangerCallGetsTheSafetyCheckFirstAndTheDangerQuestions() {
        Reply reply = operator.client().get("/api/guidance?purpose=danger&language=en");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject guidance = reply.json();
        assertThat(guidance.getString("source")).isEqualTo("stored");
        assertThat(topics(guidance)).containsExactly("safety-check", "quick-exit", "danger-check", "this-call",
                "referrals");
        assertThat(section(guidance, "safety-check").getString("text")).contains("Can you talk safely right now?");
        JsonArray questions = guidance.getJsonArray("dangerQuestions");
        assertThat(questions.stream().map(q -> ((JsonObject) q).getString("code")))
                .containsExactly("injured", "confined", "threatened", "moved-soon", "child");
        JsonObject injured = questions.getJsonObject(0);
        assertThat(injured.getString("text")).isEqualTo("Are you hurt, or do you need a doctor right now?");
        assertThat(injured.getBoolean("imminent")).isTrue();
        assertThat(injured.getString("ifYes")).isEqualTo("critical");
    }

    @Test
    void otherPurposesGetNoDangerQuestionsAndTheirOwnText() {
        JsonObject guidance = operator.client().get("/api/guidance?purpose=information").json();

        assertThat(topics(guidance)).containsExactly("safety-check", "quick-exit", "this-call", "referrals");
        assertThat(guidance.getJsonArray("dangerQuestions")).isEmpty();
        assertThat(section(guidance, "this-call").getString("text")).contains("false job offer");
        assertThat(operator.client().get("/api/guidance?purpose=nonsense").status()).isEqualTo(400);
        assertThat(operator.client().get("/api/guidance?purpose=help&language=xx").status()).isEqualTo(400);
    }

    @Test
    void aManagersEditIsANewVersionWithHistoryAndAnAuditRowAndOperatorsReadIt() {
        String path = "/api/guidance/texts/report/this-call/en";
        String before = DefaultGuidance.text(new GuidanceSlot("report", "this-call"));

        Reply saved = manager.client().post(path, new JsonObject().put("text", "Listen first.\nThank them.")
                .put("baseVersion", 1));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        assertThat(saved.json().getInteger("version")).isEqualTo(2);
        assertThat(saved.json().getString("by")).isEqualTo("mona");
        JsonArray versions = manager.client().get(path).json().getJsonArray("versions");
        assertThat(versions.stream().map(v -> ((JsonObject) v).getInteger("version"))).containsExactly(2, 1);
        assertThat(versions.getJsonObject(0).getString("text")).isEqualTo("Listen first.\nThank them.");
        assertThat(versions.getJsonObject(1).getString("text")).as("the old version is kept").isEqualTo(before);
        assertThat(versions.getJsonObject(1).getString("by")).isEqualTo("Built-in text");

        var audit = api.dsl().selectFrom(AUDIT_EVENTS).where(AUDIT_EVENTS.SUBJECT_TYPE.eq("guidance"))
                .and(AUDIT_EVENTS.SUBJECT_ID.eq("report/this-call/en@2")).fetchSingle();
        assertThat(audit.getAction()).isEqualTo("guidance-edited");
        assertThat(audit.getActorId()).isEqualTo(manager.id());
        assertThat(audit.getActorRole()).isEqualTo("manager");

        JsonObject forCall = operator.client().get("/api/guidance?purpose=report").json();
        assertThat(section(forCall, "this-call").getString("text")).isEqualTo("Listen first.\nThank them.");
        assertThat(section(forCall, "this-call").getInteger("version")).isEqualTo(2);
        JsonObject listed = text(manager.client().get("/api/guidance/texts?language=en").json(), "report", "this-call");
        assertThat(listed.getInteger("version")).isEqualTo(2);
    }

    @Test
    void anEditOverAnOlderVersionIsRefusedAndChangesNothing() {
        String path = "/api/guidance/texts/help/this-call/en";
        assertThat(manager.client().post(path, new JsonObject().put("text", "First edit.").put("baseVersion", 1))
                .status()).isEqualTo(201);
        int rows = api.dsl().fetchCount(GUIDANCE_TEXTS);
        int audits = api.dsl().fetchCount(AUDIT_EVENTS);

        Reply stale = manager.client().post(path, new JsonObject().put("text", "Second edit.").put("baseVersion", 1));
        Reply unchanged = manager.client().post(path, new JsonObject().put("text", "First edit.")
                .put("baseVersion", 2));
        Reply empty = manager.client().post(path, new JsonObject().put("text", "  ").put("baseVersion", 2));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().getString("error")).contains("Someone else saved this text");
        assertThat(unchanged.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(api.dsl().fetchCount(GUIDANCE_TEXTS)).isEqualTo(rows);
        assertThat(api.dsl().fetchCount(AUDIT_EVENTS)).isEqualTo(audits);
    }

    @Test
    void operatorsCannotEditOrListTheTexts() {
        int rows = api.dsl().fetchCount(GUIDANCE_TEXTS);

        Reply edit = operator.client().post("/api/guidance/texts/all/safety-check/en",
                new JsonObject().put("text", "Changed by an operator.").put("baseVersion", 1));

        assertThat(edit.status()).isEqualTo(403);
        assertThat(operator.client().get("/api/guidance/texts").status()).isEqualTo(403);
        assertThat(operator.client().get("/api/guidance/texts/all/safety-check/en").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/guidance?purpose=danger").status()).isEqualTo(401);
        assertThat(api.dsl().fetchCount(GUIDANCE_TEXTS)).isEqualTo(rows);
        assertThat(api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTOR_ID.eq(operator.id()))).isZero();
        assertThat(manager.client().post("/api/guidance/texts/all/no-such-topic/en",
                new JsonObject().put("text", "x").put("baseVersion", 0)).status()).isEqualTo(404);
    }

    @Test
    void aTranslationStartsAtVersionOneAndOperatorsFallBackToEnglishWithoutIt() {
        JsonObject dari = text(manager.client().get("/api/guidance/texts?language=prs").json(), "all", "quick-exit");
        assertThat(dari.getInteger("version")).isZero();
        assertThat(section(operator.client().get("/api/guidance?purpose=help&language=prs").json(), "quick-exit")
                .getString("language")).isEqualTo("en");

        Reply saved = manager.client().post("/api/guidance/texts/all/quick-exit/prs",
                new JsonObject().put("text", "متن دری").put("baseVersion", 0));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        assertThat(saved.json().getInteger("version")).isEqualTo(1);
        JsonObject section = section(operator.client().get("/api/guidance?purpose=help&language=prs").json(),
                "quick-exit");
        assertThat(section.getString("text")).isEqualTo("متن دری");
        assertThat(section.getString("language")).isEqualTo("prs");
    }

    @Test
    void anUnreadableStoreGivesTheBuiltInTextsNeverAnEmptyPanel() {
        api.dsl().execute("ALTER TABLE guidance_texts RENAME TO guidance_texts_away");
        try {
            Reply reply = operator.client().get("/api/guidance?purpose=danger");

            assertThat(reply.status()).isEqualTo(200);
            JsonObject guidance = reply.json();
            assertThat(guidance.getString("source")).isEqualTo("built-in");
            assertThat(topics(guidance)).containsExactly("safety-check", "quick-exit", "danger-check", "this-call",
                    "referrals");
            assertThat(section(guidance, "safety-check").getString("text"))
                    .isEqualTo(DefaultGuidance.text(new GuidanceSlot("all", "safety-check")));
            assertThat(guidance.getJsonArray("dangerQuestions")).hasSize(DangerQuestion.values().length);
            assertThat(manager.client().get("/api/guidance/texts").status()).isEqualTo(503);
        } finally {
            api.dsl().execute("ALTER TABLE guidance_texts_away RENAME TO guidance_texts");
        }
    }

    private static List<String> topics(JsonObject guidance) {
        return guidance.getJsonArray("sections").stream().map(s -> ((JsonObject) s).getString("topic"))
                .collect(Collectors.toList());
    }

    private static JsonObject section(JsonObject guidance, String topic) {
        return guidance.getJsonArray("sections").stream().map(s -> (JsonObject) s)
                .filter(s -> s.getString("topic").equals(topic)).findFirst().orElseThrow();
    }

    private static JsonObject text(JsonObject list, String purpose, String topic) {
        return list.getJsonArray("texts").stream().map(s -> (JsonObject) s)
                .filter(s -> s.getString("purpose").equals(purpose) && s.getString("topic").equals(topic))
                .findFirst().orElseThrow();
    }
}
