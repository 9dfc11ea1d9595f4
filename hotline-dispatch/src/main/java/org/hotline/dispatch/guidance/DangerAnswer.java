package org.hotline.dispatch.guidance;

import org.hotline.core.tip.Choice;

/** An answer to one danger question. A question not asked has no answer at all. */
public enum DangerAnswer implements Choice {
    YES("Yes"),
    NO("No"),
    UNSURE("Not sure");

    private final String label;

    DangerAnswer(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
