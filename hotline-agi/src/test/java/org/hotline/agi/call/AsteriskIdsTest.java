package org.hotline.agi.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The talk time hotline-end reports: the operator's answer to the hang-up, or nothing believable. */
class AsteriskIdsTest {

    @Test
    void talkTimeIsTheSpanBetweenTheTwoStamps() {
        assertThat(AsteriskIds.talkMillisOrNull("1760000000000", "1760000043250")).isEqualTo(43_250L);
        assertThat(AsteriskIds.talkMillisOrNull("1760000000000", "1760000000000")).isZero();
    }

    @Test
    void aMissingMalformedBackwardsOrAbsurdSpanIsNoTalkTime() {
        assertThat(AsteriskIds.talkMillisOrNull(null, "1760000043250")).as("nobody answered").isNull();
        assertThat(AsteriskIds.talkMillisOrNull("1760000000000", null)).isNull();
        assertThat(AsteriskIds.talkMillisOrNull("17600x0000000", "1760000043250")).isNull();
        assertThat(AsteriskIds.talkMillisOrNull("-1", "1760000043250")).isNull();
        assertThat(AsteriskIds.talkMillisOrNull("1760000043250", "1760000000000")).as("backwards").isNull();
        assertThat(AsteriskIds.talkMillisOrNull("0", "1760000000000")).as("more than a day").isNull();
        assertThat(AsteriskIds.talkMillisOrNull("1", "99999999999999999999")).as("overlong").isNull();
    }

    @Test
    void aUniqueIdPassedInAVariableMustHaveAsterisksForm() {
        assertThat(AsteriskIds.uniqueIdOrNull("1760000000.1")).isEqualTo("1760000000.1");
        assertThat(AsteriskIds.uniqueIdOrNull("1760000000.1;DROP")).isNull();
        assertThat(AsteriskIds.uniqueIdOrNull(null)).isNull();
    }
}
