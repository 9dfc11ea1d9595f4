package org.hotline.dispatch.prompts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.hotline.core.call.Language;
import org.hotline.core.prompts.PromptRecording;
import org.hotline.core.prompts.PromptStatus;
import org.hotline.core.prompts.PromptTexts;

/** The studio page's data as JSON: coverage per language, and every prompt with its text, audio and state. */
final class StudioView {
    private StudioView() {
    }

    static JsonObject of(PromptTexts texts, List<PromptRecording> takes, Function<String, String> nameOf,
                         ToIntFunction<String[]> placeholderMs, String studioNumber) {
        List<PromptStatus> statuses = PromptStatus.of(texts, takes);
        JsonArray languages = new JsonArray();
        for (Map.Entry<String, Map<PromptStatus.Status, Integer>> language : PromptStatus.coverage(statuses).entrySet()) {
            JsonObject coverage = new JsonObject();
            language.getValue().forEach((status, count) -> coverage.put(status.code(), count));
            languages.add(new JsonObject().put("code", language.getKey()).put("name", name(language.getKey()))
                    .put("total", language.getValue().values().stream().mapToInt(Integer::intValue).sum())
                    .put("coverage", coverage));
        }
        JsonArray prompts = new JsonArray();
        for (PromptStatus status : statuses) {
            JsonObject prompt = new JsonObject().put("language", status.text().language())
                    .put("key", status.text().key()).put("text", status.text().text())
                    .put("revision", status.text().revision()).put("textReview", status.text().review().code())
                    .put("status", status.status().code())
                    .put("placeholderMs", placeholderMs.applyAsInt(new String[] {status.text().language(),
                            status.text().key()}));
            JsonArray all = new JsonArray();
            status.takes().forEach(take -> all.add(take(take, status, nameOf)));
            prompt.put("takes", all);
            if (status.current() != null) {
                prompt.put("current", take(status.current(), status, nameOf));
            }
            prompts.add(prompt);
        }
        return new JsonObject().put("languages", languages).put("prompts", prompts)
                .put("studioNumber", studioNumber);
    }

    private static JsonObject take(PromptRecording take, PromptStatus status, Function<String, String> nameOf) {
        return new JsonObject().put("id", take.id()).put("state", take.state().code())
                .put("stale", take.staleAgainst(status.text())).put("lengthMs", take.lengthMs())
                .put("source", take.source().code()).put("recordedBy", nameOf.apply(take.recordedBy()))
                .put("recordedAt", take.recordedAt().toString())
                .put("reviewedBy", take.reviewedBy() == null ? null : nameOf.apply(take.reviewedBy()));
    }

    static String name(String code) {
        for (Language language : Language.values()) {
            if (language.code().equals(code)) {
                return language.englishName() + " (" + language.nativeName() + ")";
            }
        }
        return code;
    }

    /** Whether a placeholder file exists, for its length lookup. */
    static boolean exists(java.nio.file.Path file) {
        return Files.isRegularFile(file);
    }
}
