package org.hotline.core.tip;

/** What the contact was about. */
public enum Signal implements Choice {
    CRISIS("Crisis (immediate danger)"),
    TIP("Tip about a situation"),
    HELP_REQUEST("Request for help"),
    INFORMATION_REQUEST("Information request"),
    OUT_OF_SCOPE("Related but out of scope");

    private final String label;

    Signal(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
