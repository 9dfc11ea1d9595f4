package org.hotline.dispatch.guidance;

import java.util.Arrays;
import java.util.Optional;
import org.hotline.core.tip.Urgency;

/**
 * The questions of the danger assessment, asked on calls whose caller chose "in danger now", in the order asked.
 * Their wording is guidance text (managers edit it); what each answer means for the tip's urgency is fixed here,
 * because it is a rule, not a text: {@link UrgencyRule} reads it.
 */
public enum DangerQuestion {
    INJURED(true, Urgency.CRITICAL, Urgency.URGENT),
    CONFINED(true, Urgency.CRITICAL, Urgency.URGENT),
    THREATENED(true, Urgency.CRITICAL, Urgency.URGENT),
    MOVED_SOON(false, Urgency.URGENT, null),
    CHILD(false, Urgency.URGENT, null);

    private final boolean imminent;
    private final Urgency ifYes;
    private final Urgency ifUnsure;

    DangerQuestion(boolean imminent, Urgency ifYes, Urgency ifUnsure) {
        this.imminent = imminent;
        this.ifYes = ifYes;
        this.ifUnsure = ifUnsure;
    }

    /** The stored and sent form: {@code injured}, {@code moved-soon}, ... */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** A "yes" here means imminent danger. */
    public boolean imminent() {
        return imminent;
    }

    /** The urgency a "yes" sets at least. */
    public Urgency ifYes() {
        return ifYes;
    }

    /** The urgency a "not sure" sets at least, or null: doubt about an imminent danger is itself urgent. */
    public Urgency ifUnsure() {
        return ifUnsure;
    }

    /** The guidance topic holding this question's wording. */
    String topic() {
        return "q-" + code();
    }

    public static Optional<DangerQuestion> byCode(String code) {
        return Arrays.stream(values()).filter(q -> q.code().equals(code)).findFirst();
    }
}
