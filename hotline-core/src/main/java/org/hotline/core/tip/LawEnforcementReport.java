package org.hotline.core.tip;

/** Whether the situation is reported to law enforcement, and why. */
public enum LawEnforcementReport implements Choice {
    NONE("None"),
    REQUIRED_BY_LAW("Required by law"),
    IMMINENT_DANGER("Imminent danger"),
    SURVIVOR_REQUEST("At the survivor's request");

    private final String label;

    LawEnforcementReport(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
