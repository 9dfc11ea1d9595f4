package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.core.tip.ConsentBasis;
import org.hotline.core.tip.ReferralStatus;
import org.hotline.dispatch.api.ApiError;
import org.junit.jupiter.api.Test;

/** The consent rule as a pure decision, every case without a database. */
class ConsentRuleDecisionTest {
    private static final ConsentBasis DANGER = ConsentBasis.IMMINENT_DANGER;

    @Test
    void withoutConsentGoingAheadNeedsABasisAndANote() {
        for (ReferralStatus to : ConsentRule.GOING_AHEAD) {
            assertThatThrownBy(() -> ConsentRule.decide(false, null, change(to, null, null)))
                    .isInstanceOfSatisfying(ApiError.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.field()).isEqualTo("consentBasis");
                        assertThat(e.getMessage()).startsWith("Consent rule:");
                    });
            assertThatThrownBy(() -> ConsentRule.decide(false, null, change(to, DANGER, null)))
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.field()).isEqualTo("note"));
            assertThat(ConsentRule.decide(false, null, change(to, DANGER, "why"))).isEqualTo(DANGER);
        }
    }

    @Test
    void consentOrARecordedBasisOrStandingStillNeedsNothingMore() {
        assertThat(ConsentRule.decide(true, null, change(ReferralStatus.SENT, null, null))).isNull();
        assertThat(ConsentRule.decide(false, DANGER, change(ReferralStatus.ACCEPTED, null, null))).isNull();
        for (ReferralStatus to : new ReferralStatus[] {ReferralStatus.PROPOSED, ReferralStatus.DECLINED,
                ReferralStatus.WITHDRAWN}) {
            assertThat(ConsentRule.decide(false, null, change(to, null, null))).as(to.code()).isNull();
        }
    }

    private static ReferralChange change(ReferralStatus to, ConsentBasis basis, String note) {
        return new ReferralChange(to, null, note, basis);
    }
}
