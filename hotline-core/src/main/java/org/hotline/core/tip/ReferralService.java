package org.hotline.core.tip;

/** What a partner is asked to provide. The codes match the services column of partners.csv. */
public enum ReferralService implements Choice {
    SHELTER("Shelter"),
    LEGAL_AID("Legal aid"),
    PSYCHOSOCIAL("Psychosocial support"),
    MEDICAL_CARE("Medical care"),
    RETURN_REINTEGRATION("Return and reintegration"),
    FAMILY_TRACING("Family tracing"),
    LIVELIHOOD("Livelihood support"),
    LAW_ENFORCEMENT("Law enforcement"),
    INTERPRETATION("Interpretation");

    private final String label;

    ReferralService(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
