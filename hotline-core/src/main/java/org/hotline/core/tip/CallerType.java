package org.hotline.core.tip;

/** Who called, in relation to the situation. */
public enum CallerType implements Choice {
    VICTIM_SURVIVOR("Victim or survivor"),
    FAMILY_FRIEND("Family or friend"),
    COMMUNITY_MEMBER("Community member"),
    SERVICE_PROVIDER("NGO or service provider"),
    LAW_ENFORCEMENT("Law enforcement"),
    OTHER("Other");

    private final String label;

    CallerType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
