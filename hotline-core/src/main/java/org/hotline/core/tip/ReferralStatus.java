package org.hotline.core.tip;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral stands. It moves forward from proposed to sent to accepted to completed; the partner can
 * decline it, and the hotline can withdraw it, until it is completed. Completed, declined and withdrawn are final.
 */
public enum ReferralStatus implements Choice {
    PROPOSED("Proposed"),
    SENT("Sent"),
    ACCEPTED("Accepted"),
    COMPLETED("Completed"),
    DECLINED("Declined"),
    WITHDRAWN("Withdrawn");

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The statuses this one may change to. */
    public Set<ReferralStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(SENT, DECLINED, WITHDRAWN);
            case SENT -> EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(COMPLETED, WITHDRAWN);
            case COMPLETED, DECLINED, WITHDRAWN -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean canChangeTo(ReferralStatus target) {
        return next().contains(target);
    }

    /** Whether the referral is still open (for the report of referrals open after 7 days). */
    public boolean open() {
        return !next().isEmpty();
    }
}
