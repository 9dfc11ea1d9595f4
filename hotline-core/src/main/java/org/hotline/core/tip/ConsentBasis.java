package org.hotline.core.tip;

/**
 * What may let a referral go ahead although the caller did not consent to it (the consent rule's only
 * exceptions). Recording one needs a note too, and is audited and counted in the reports.
 */
public enum ConsentBasis implements Choice {
    IMMINENT_DANGER("Imminent danger to life or safety"),
    CHILD_PROTECTION("A child at risk (child protection duty)"),
    LEGAL_OBLIGATION("Required by law or a court order");

    private final String label;

    ConsentBasis(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
