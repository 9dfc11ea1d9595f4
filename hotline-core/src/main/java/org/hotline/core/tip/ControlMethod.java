package org.hotline.core.tip;

/** How the victims are controlled; a tip may name several. */
public enum ControlMethod implements Choice {
    DEBT("Debt"),
    CONFISCATED_DOCUMENTS("Confiscated documents"),
    THREATS("Threats"),
    VIOLENCE("Violence"),
    ISOLATION("Isolation"),
    SUBSTANCE_DEPENDENCY("Substance dependency");

    private final String label;

    ControlMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
