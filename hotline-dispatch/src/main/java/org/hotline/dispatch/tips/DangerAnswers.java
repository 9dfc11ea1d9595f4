package org.hotline.dispatch.tips;

import static org.hotline.core.db.Tables.TIP_DANGER_ANSWERS;

import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import org.hotline.core.tip.Choice;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.guidance.DangerAnswer;
import org.hotline.dispatch.guidance.DangerAssessment;
import org.hotline.dispatch.guidance.DangerQuestion;
import org.jooq.DSLContext;

/**
 * A tip's danger assessment in the tip's JSON ({@code "dangerAssessment": {"injured": "yes", "child": "no"}}, one
 * entry per question asked) and in {@code tip_danger_answers}, one row per question asked.
 */
final class DangerAnswers {
    static final String FIELD = "dangerAssessment";

    private DangerAnswers() {
    }

    /** The assessment of a submitted tip; absent means none was asked. Unknown questions or answers are refused. */
    static DangerAssessment read(JsonFields tip) {
        JsonObject json = tip.object(FIELD);
        if (json == null) {
            return DangerAssessment.none();
        }
        Map<DangerQuestion, DangerAnswer> answers = new EnumMap<>(DangerQuestion.class);
        for (String code : json.fieldNames()) {
            String path = tip.path(FIELD + "." + code);
            DangerQuestion question = DangerQuestion.byCode(code)
                    .orElseThrow(() -> ApiError.badRequest(tip.path(FIELD), "Not a question of the danger assessment."));
            Object value = json.getValue(code);
            if (value == null || (value instanceof String s && s.isBlank())) {
                continue;
            }
            DangerAnswer answer = value instanceof String s ? Choice.byCode(DangerAnswer.class, s).orElse(null) : null;
            if (answer == null) {
                throw ApiError.badRequest(path, "Answer yes, no or not sure.");
            }
            answers.put(question, answer);
        }
        return new DangerAssessment(answers);
    }

    static JsonObject json(DangerAssessment assessment) {
        JsonObject json = new JsonObject();
        assessment.answers().forEach((q, a) -> json.put(q.code(), a.code()));
        return json;
    }

    static void insert(DSLContext db, String tipId, DangerAssessment assessment) {
        for (var answer : assessment.answers().entrySet()) {
            db.insertInto(TIP_DANGER_ANSWERS)
                    .set(TIP_DANGER_ANSWERS.TIP_ID, tipId)
                    .set(TIP_DANGER_ANSWERS.QUESTION, answer.getKey().code())
                    .set(TIP_DANGER_ANSWERS.ANSWER, answer.getValue().code())
                    .execute();
        }
    }

    static DangerAssessment find(DSLContext db, String tipId) {
        Map<DangerQuestion, DangerAnswer> answers = new EnumMap<>(DangerQuestion.class);
        db.select(TIP_DANGER_ANSWERS.QUESTION, TIP_DANGER_ANSWERS.ANSWER).from(TIP_DANGER_ANSWERS)
                .where(TIP_DANGER_ANSWERS.TIP_ID.eq(tipId))
                .forEach(r -> answers.put(DangerQuestion.byCode(r.value1()).orElseThrow(
                                () -> new IllegalStateException("stored danger question is not in the list")),
                        TipRecords.choice(DangerAnswer.class, r.value2())));
        return new DangerAssessment(answers);
    }
}
