package org.hotline.dispatch.guidance;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.call.Purpose;
import org.hotline.core.tip.Choice;
import org.hotline.core.tip.Urgency;

/**
 * What the operator reads on a call of one purpose, decided without I/O: each text of {@link GuidanceCatalogue#forCall}
 * in the requested language if stored, else in English, else the built-in English text, so no section is ever
 * empty, also when the store could not be read at all. The danger questions come with the urgency each answer
 * sets, so the screen shows what the tip will get from the one rule in {@link DangerQuestion}.
 */
final class CallGuidance {
    private CallGuidance() {
    }

    /** {@code stored} is null when the store could not be read. */
    static JsonObject of(Purpose purpose, String language, List<StoredText> stored) {
        Map<String, StoredText> byKey = new HashMap<>();
        if (stored != null) {
            stored.forEach(t -> byKey.put(t.slot().key(t.language()), t));
        }
        JsonArray sections = new JsonArray();
        JsonArray questions = new JsonArray();
        for (GuidanceSlot slot : GuidanceCatalogue.forCall(purpose)) {
            StoredText text = pick(slot, language, byKey);
            var question = GuidanceCatalogue.question(slot);
            if (question.isPresent()) {
                DangerQuestion q = question.get();
                questions.add(new JsonObject().put("code", q.code()).put("text", text.body())
                        .put("imminent", q.imminent()).put("ifYes", code(q.ifYes())).put("ifUnsure", code(q.ifUnsure()))
                        .put("version", text.version()));
            } else {
                sections.add(new JsonObject().put("topic", slot.topic()).put("heading", GuidanceCatalogue.heading(slot))
                        .put("text", text.body()).put("version", text.version()).put("language", text.language()));
            }
        }
        JsonArray answers = new JsonArray();
        for (DangerAnswer a : DangerAnswer.values()) {
            answers.add(new JsonObject().put("code", a.code()).put("label", a.label()));
        }
        JsonArray urgencies = new JsonArray();
        for (Urgency u : Urgency.values()) {
            urgencies.add(new JsonObject().put("code", u.code()).put("label", u.label()));
        }
        return new JsonObject().put("purpose", purpose.code()).put("language", language)
                .put("source", stored == null ? "built-in" : "stored")
                .put("sections", sections).put("dangerQuestions", questions)
                .put("answers", answers).put("urgencies", urgencies);
    }

    private static StoredText pick(GuidanceSlot slot, String language, Map<String, StoredText> byKey) {
        StoredText text = byKey.get(slot.key(language));
        if (text == null) {
            text = byKey.get(slot.key(GuidanceCatalogue.ENGLISH));
        }
        return text == null ? StoredText.builtIn(slot) : text;
    }

    private static String code(Choice choice) {
        return choice == null ? null : choice.code();
    }
}
