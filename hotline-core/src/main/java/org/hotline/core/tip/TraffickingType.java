package org.hotline.core.tip;

/** The kind of exploitation. */
public enum TraffickingType implements Choice {
    LABOUR("Labour"),
    SEXUAL("Sexual"),
    BOTH("Both labour and sexual"),
    OTHER_EXPLOITATION("Other exploitation");

    private final String label;

    TraffickingType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
