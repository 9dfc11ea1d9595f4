package org.hotline.core.tip;

/** What the caller agreed may be done with what they said. */
public enum Consent implements Choice {
    SHARE("Share"),
    CONFIDENTIAL("Confidential"),
    ANONYMOUS("Anonymous");

    private final String label;

    Consent(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
