package org.hotline.core.prompts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one prompt in one language stands: what the IVR plays for it and what awaits review. Pure: computed from
 * the texts and the takes.
 *
 * @param current the take that matters now: the approved take played, else the newest take awaiting review, else
 *                the newest stale one; null when there is none
 * @param takes   every take of this prompt, newest first
 */
public record PromptStatus(PromptText text, Status status, PromptRecording current, List<PromptRecording> takes) {

    /** What a caller hears for a prompt. */
    public enum Status {
        /** An approved recording of the current text: the IVR plays it. */
        APPROVED,
        /** A recording of the current text awaits review; the placeholder plays meanwhile. */
        RECORDED,
        /** Only the placeholder. */
        PLACEHOLDER,
        /** Recordings exist, but of an older text: the placeholder plays until the new text is recorded. */
        STALE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The status of every prompt of every language, in manifest order. */
    public static List<PromptStatus> of(PromptTexts texts, List<PromptRecording> recordings) {
        Map<String, List<PromptRecording>> byPrompt = new LinkedHashMap<>();
        recordings.stream().sorted(Comparator.comparing(PromptRecording::recordedAt).reversed())
                .forEach(r -> byPrompt.computeIfAbsent(r.language() + "/" + r.key(), k -> new ArrayList<>()).add(r));
        List<PromptStatus> out = new ArrayList<>();
        for (String language : texts.languages()) {
            for (PromptText text : texts.of(language)) {
                out.add(of(text, byPrompt.getOrDefault(language + "/" + text.key(), List.of())));
            }
        }
        return out;
    }

    static PromptStatus of(PromptText text, List<PromptRecording> takes) {
        PromptRecording approved = null;
        PromptRecording recorded = null;
        PromptRecording stale = null;
        for (PromptRecording take : takes) {
            boolean current = !take.staleAgainst(text);
            switch (take.state()) {
                case APPROVED -> {
                    if (current && approved == null) {
                        approved = take;
                    } else if (!current && stale == null) {
                        stale = take;
                    }
                }
                case RECORDED -> {
                    if (current && recorded == null) {
                        recorded = take;
                    } else if (!current && stale == null) {
                        stale = take;
                    }
                }
                case REJECTED -> { }
            }
        }
        if (approved != null) {
            return new PromptStatus(text, Status.APPROVED, approved, takes);
        }
        if (recorded != null) {
            return new PromptStatus(text, Status.RECORDED, recorded, takes);
        }
        if (stale != null) {
            return new PromptStatus(text, Status.STALE, stale, takes);
        }
        return new PromptStatus(text, Status.PLACEHOLDER, null, takes);
    }

    /** Counts per language and status, languages in menu order. */
    public static Map<String, Map<Status, Integer>> coverage(List<PromptStatus> statuses) {
        Map<String, Map<Status, Integer>> out = new LinkedHashMap<>();
        for (PromptStatus s : statuses) {
            Map<Status, Integer> counts = out.computeIfAbsent(s.text().language(), k -> {
                Map<Status, Integer> m = new LinkedHashMap<>();
                for (Status status : Status.values()) {
                    m.put(status, 0);
                }
                return m;
            });
            counts.merge(s.status(), 1, Integer::sum);
        }
        return out;
    }
}
