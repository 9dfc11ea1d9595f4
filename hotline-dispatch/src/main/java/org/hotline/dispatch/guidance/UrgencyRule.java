package org.hotline.dispatch.guidance;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hotline.core.tip.Urgency;

/**
 * What the danger assessment means for a tip, as a pure rule. A "yes" to an imminent-danger question (hurt, held,
 * threatened today) makes the tip critical and marks imminent danger; "not sure" to one of those makes it urgent,
 * because doubt about such a danger must still be acted on soon; a "yes" to the others makes it urgent. The rule
 * only ever raises what the operator chose: their judgement can add urgency, the answers can never remove it.
 */
public final class UrgencyRule {
    /** Most urgent first, as the enum declares. */
    private static final Comparator<Urgency> MOST_URGENT_FIRST = Comparator.naturalOrder();

    private UrgencyRule() {
    }

    /** The urgency the answers call for, if any. */
    public static Optional<Urgency> urgency(DangerAssessment assessment) {
        return assessment.answers().entrySet().stream().map(UrgencyRule::urgencyOf).filter(Objects::nonNull)
                .min(MOST_URGENT_FIRST);
    }

    /** Whether the answers say someone is in imminent danger. */
    public static boolean imminentDanger(DangerAssessment assessment) {
        return assessment.answers().entrySet().stream()
                .anyMatch(e -> e.getKey().imminent() && e.getValue() == DangerAnswer.YES);
    }

    /** The more urgent of {@code chosen} (null when none was chosen) and what the answers call for. */
    public static Urgency raise(Urgency chosen, DangerAssessment assessment) {
        Optional<Urgency> called = urgency(assessment);
        if (called.isEmpty()) {
            return chosen;
        }
        if (chosen == null) {
            return called.get();
        }
        return MOST_URGENT_FIRST.compare(called.get(), chosen) < 0 ? called.get() : chosen;
    }

    private static Urgency urgencyOf(Map.Entry<DangerQuestion, DangerAnswer> answer) {
        return switch (answer.getValue()) {
            case YES -> answer.getKey().ifYes();
            case UNSURE -> answer.getKey().ifUnsure();
            case NO -> null;
        };
    }
}
