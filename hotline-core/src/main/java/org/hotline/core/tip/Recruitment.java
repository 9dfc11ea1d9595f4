package org.hotline.core.tip;

/** How the victims were recruited. */
public enum Recruitment implements Choice {
    JOB_OFFER("Job offer"),
    FALSE_PROMISE("False promise of travel or education"),
    FAMILY_MEMBER("Family member"),
    MARRIAGE_PROPOSAL("Marriage proposal"),
    SMUGGLING_GONE_WRONG("Smuggling gone wrong"),
    ABDUCTION("Abduction"),
    OTHER("Other");

    private final String label;

    Recruitment(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
