package org.hotline.core.tip;

/** What kind of contact the call was. Only a substantive contact carries a tip's details and referrals. */
public enum ContactType implements Choice {
    SUBSTANTIVE("Substantive"),
    SILENT("Silent"),
    HANG_UP("Hang-up"),
    PRANK("Prank"),
    WRONG_NUMBER("Wrong number"),
    ABUSIVE("Abusive"),
    TEST("Test");

    private final String label;

    ContactType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
