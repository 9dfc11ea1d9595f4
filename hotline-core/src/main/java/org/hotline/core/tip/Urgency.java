package org.hotline.core.tip;

/** How soon the situation needs action; the imminent-danger flag is recorded beside it. */
public enum Urgency implements Choice {
    CRITICAL("Critical"),
    URGENT("Urgent"),
    NON_CRITICAL("Non-critical");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
