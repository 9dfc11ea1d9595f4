package org.hotline.dispatch.guidance;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The danger assessment recorded with a tip: the answer to each question asked. Empty when none was asked (any call
 * whose purpose was not danger, or an operator who did not get to it).
 */
public record DangerAssessment(Map<DangerQuestion, DangerAnswer> answers) {
    private static final DangerAssessment NONE = new DangerAssessment(Map.of());

    public DangerAssessment {
        EnumMap<DangerQuestion, DangerAnswer> copy = new EnumMap<>(DangerQuestion.class);
        copy.putAll(answers);
        answers = Collections.unmodifiableMap(copy);
    }

    public static DangerAssessment none() {
        return NONE;
    }

    public boolean isEmpty() {
        return answers.isEmpty();
    }

    public DangerAnswer answer(DangerQuestion question) {
        return answers.get(question);
    }
}
