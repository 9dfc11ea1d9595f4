package org.hotline.dispatch.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.dispatch.guidance.DangerAnswer.NO;
import static org.hotline.dispatch.guidance.DangerAnswer.UNSURE;
import static org.hotline.dispatch.guidance.DangerAnswer.YES;
import static org.hotline.dispatch.guidance.DangerQuestion.CHILD;
import static org.hotline.dispatch.guidance.DangerQuestion.CONFINED;
import static org.hotline.dispatch.guidance.DangerQuestion.INJURED;
import static org.hotline.dispatch.guidance.DangerQuestion.MOVED_SOON;
import static org.hotline.dispatch.guidance.DangerQuestion.THREATENED;

import java.util.Map;
import org.hotline.core.tip.Urgency;
import org.junit.jupiter.api.Test;

/** The danger assessment's rule for a tip's urgency and imminent-danger flag, as a pure function. */
class UrgencyRuleTest {

    @Test
    void aYesToAnyImminentQuestionMakesTheTipCriticalWithImminentDanger() {
        for (DangerQuestion imminent : new DangerQuestion[] {INJURED, CONFINED, THREATENED}) {
            DangerAssessment answers = of(Map.of(imminent, YES, CHILD, NO));
            assertThat(UrgencyRule.urgency(answers)).as(imminent.code()).contains(Urgency.CRITICAL);
            assertThat(UrgencyRule.imminentDanger(answers)).as(imminent.code()).isTrue();
        }
    }

    @Test
    void doubtAboutAnImminentDangerIsUrgentButNotImminent() {
        DangerAssessment answers = of(Map.of(INJURED, UNSURE, CONFINED, NO));
        assertThat(UrgencyRule.urgency(answers)).contains(Urgency.URGENT);
        assertThat(UrgencyRule.imminentDanger(answers)).isFalse();
    }

    @Test
    void aYesToTheOtherQuestionsIsUrgentAndTheirDoubtSetsNothing() {
        assertThat(UrgencyRule.urgency(of(Map.of(MOVED_SOON, YES)))).contains(Urgency.URGENT);
        assertThat(UrgencyRule.urgency(of(Map.of(CHILD, YES)))).contains(Urgency.URGENT);
        assertThat(UrgencyRule.urgency(of(Map.of(MOVED_SOON, UNSURE, CHILD, UNSURE)))).isEmpty();
        assertThat(UrgencyRule.imminentDanger(of(Map.of(MOVED_SOON, YES, CHILD, YES)))).isFalse();
    }

    @Test
    void noAnswersOrOnlyNoSetNothing() {
        assertThat(UrgencyRule.urgency(DangerAssessment.none())).isEmpty();
        assertThat(UrgencyRule.urgency(of(Map.of(INJURED, NO, CONFINED, NO, THREATENED, NO)))).isEmpty();
        assertThat(UrgencyRule.raise(Urgency.NON_CRITICAL, DangerAssessment.none())).isEqualTo(Urgency.NON_CRITICAL);
        assertThat(UrgencyRule.raise(null, DangerAssessment.none())).isNull();
    }

    @Test
    void theRuleOnlyRaisesWhatTheOperatorChose() {
        DangerAssessment urgent = of(Map.of(CHILD, YES));
        assertThat(UrgencyRule.raise(Urgency.NON_CRITICAL, urgent)).isEqualTo(Urgency.URGENT);
        assertThat(UrgencyRule.raise(null, urgent)).isEqualTo(Urgency.URGENT);
        // The operator's own judgement stays when it is already more urgent.
        assertThat(UrgencyRule.raise(Urgency.CRITICAL, urgent)).isEqualTo(Urgency.CRITICAL);
        assertThat(UrgencyRule.raise(Urgency.URGENT, of(Map.of(THREATENED, YES)))).isEqualTo(Urgency.CRITICAL);
    }

    private static DangerAssessment of(Map<DangerQuestion, DangerAnswer> answers) {
        return new DangerAssessment(answers);
    }
}
