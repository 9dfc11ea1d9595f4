package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.core.db.Tables.TIP_DANGER_ANSWERS;

import io.vertx.core.json.JsonObject;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A tip's danger assessment: stored with the tip, read back, and raising the urgency by the rule. */
class TipDangerAssessmentTest extends ApiTestBase {
    Person operator;

    @BeforeAll
    void signIn() {
        operator = api.signIn("dana", Role.OPERATOR);
    }

    @Test
    void theAnswersAreStoredWithTheTipAndMakeItCritical() {
        String id = TipForms.newId();
        JsonObject form = TipForms.substantive(id).put("urgency", "non-critical")
                .put("dangerAssessment", new JsonObject().put("injured", "no").put("confined", "yes")
                        .put("child", "unsure"));

        Reply saved = operator.client().post("/api/tips", form);

        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        assertThat(saved.json().getString("urgency")).isEqualTo("critical");
        assertThat(saved.json().getBoolean("imminentDanger")).isTrue();
        assertThat(saved.json().getJsonObject("dangerAssessment").getMap())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("injured", "no", "confined", "yes",
                        "child", "unsure"));
        var tip = api.dsl().selectFrom(TIPS).where(TIPS.ID.eq(id)).fetchSingle();
        assertThat(tip.getUrgency()).isEqualTo("critical");
        assertThat(tip.getImminentDanger()).isTrue();
        assertThat(api.dsl().selectFrom(TIP_DANGER_ANSWERS).where(TIP_DANGER_ANSWERS.TIP_ID.eq(id))
                .orderBy(TIP_DANGER_ANSWERS.QUESTION).fetch(r -> r.getQuestion() + "=" + r.getAnswer()))
                .containsExactly("child=unsure", "confined=yes", "injured=no");
        JsonObject opened = operator.client().get("/api/tips/" + id).json();
        assertThat(opened.getJsonObject("dangerAssessment").getString("confined")).isEqualTo("yes");
    }

    @Test
    void answersThatCallForUrgencyStandInForAMissingOneButNeverLowerTheOperators() {
        String id = TipForms.newId();
        JsonObject noUrgency = TipForms.substantive(id).put("dangerAssessment", new JsonObject().put("child", "yes"));
        noUrgency.remove("urgency");
        Reply saved = operator.client().post("/api/tips", noUrgency);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        assertThat(saved.json().getString("urgency")).isEqualTo("urgent");
        assertThat(saved.json().getBoolean("imminentDanger")).isFalse();

        JsonObject critical = TipForms.substantive(TipForms.newId()).put("urgency", "critical")
                .put("dangerAssessment", new JsonObject().put("child", "yes").put("injured", "no"));
        assertThat(operator.client().post("/api/tips", critical).json().getString("urgency")).isEqualTo("critical");

        JsonObject none = TipForms.substantive(TipForms.newId());
        none.remove("urgency");
        assertThat(operator.client().post("/api/tips", none).status()).as("no answers, no urgency").isEqualTo(400);
    }

    @Test
    void unknownQuestionsOrAnswersAreRefusedAndNothingIsStored() {
        int tips = api.dsl().fetchCount(TIPS);
        Reply question = operator.client().post("/api/tips", TipForms.substantive(TipForms.newId())
                .put("dangerAssessment", new JsonObject().put("weather", "yes")));
        Reply answer = operator.client().post("/api/tips", TipForms.substantive(TipForms.newId())
                .put("dangerAssessment", new JsonObject().put("injured", "maybe")));

        assertThat(question.status()).isEqualTo(400);
        assertThat(question.json().getString("field")).isEqualTo("dangerAssessment");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().getString("field")).isEqualTo("dangerAssessment.injured");
        assertThat(api.dsl().fetchCount(TIPS)).isEqualTo(tips);
    }

    @Test
    void aTipWithoutAssessmentHasNone() {
        String id = TipForms.newId();
        Reply saved = operator.client().post("/api/tips", TipForms.substantive(id));
        assertThat(saved.json().getJsonObject("dangerAssessment")).isEmpty();
        assertThat(saved.json().getString("urgency")).isEqualTo("urgent");
        assertThat(api.dsl().fetchCount(TIP_DANGER_ANSWERS, TIP_DANGER_ANSWERS.TIP_ID.eq(id))).isZero();
    }
}
