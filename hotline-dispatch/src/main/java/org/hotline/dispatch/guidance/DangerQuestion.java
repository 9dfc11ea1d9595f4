package org.hotline.dispatch.guidance;

import java.util.Optional;
import org.hotline.core.tip.Choice;
import org.hotline.core.tip.Urgency;

/**
 * The questions of the danger assessment, asked on calls whose caller chose "in danger now", in the order asked.
 * Their wording is guidance text (managers edit it); what each answer means for the tip's urgency is fixed here,
 * because it is a rule, not a text: {@link UrgencyRule} reads it.
 */
public enum DangerQuestion implements Choice {
    INJURED("Hurt, or needs a doctor now", true, Urgency.CRITICAL, Urgency.URGENT),
    CONFINED("Locked in or kept from leaving now", true, Urgency.CRITICAL, Urgency.URGENT),
    THREATENED("Threatened, and it could happen today", true, Urgency.CRITICAL, Urgency.URGENT),
    MOVED_SOON("About to be moved, or taken across a border", false, Urgency.URGENT, null),
    CHILD("A child under 18 involved", false, Urgency.URGENT, null);

    private final String label;
    private final boolean imminent;
    private final Urgency ifYes;
    private final Urgency ifUnsure;

    DangerQuestion(String label, boolean imminent, Urgency ifYes, Urgency ifUnsure) {
        this.label = label;
        this.imminent = imminent;
        this.ifYes = ifYes;
        this.ifUnsure = ifUnsure;
    }

    /** A short name for lists and the tip's detail; the question as asked is guidance text. */
    @Override
    public String label() {
        return label;
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

    /** The question with this code ({@code injured}, {@code moved-soon}, ...), if any. */
    public static Optional<DangerQuestion> byCode(String code) {
        return Choice.byCode(DangerQuestion.class, code);
    }
}
