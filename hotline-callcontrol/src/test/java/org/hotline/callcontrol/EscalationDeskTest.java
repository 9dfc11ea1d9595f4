package org.hotline.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.core.bus.EscalationNeeded.Kind;
import org.junit.jupiter.api.Test;

/** The escalation's decisions alone (no AMI, no database): what each event leads to. */
class EscalationDeskTest {
    private static final DutyPerson A = new DutyPerson("a", "Aziz", "+93700111001");
    private static final DutyPerson B = new DutyPerson("b", "Bibi", "+93700222002");
    private final AtomicInteger ids = new AtomicInteger();
    private final EscalationDesk desk = new EscalationDesk(Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"),
            ZoneOffset.UTC), Duration.ofSeconds(60), 2, () -> "leg-" + ids.incrementAndGet());

    private static EscalationNeeded need(String callId) {
        return new EscalationNeeded(Kind.WAITING_EMERGENCY, callId, "prs", Instant.parse("2026-12-08T00:00:00Z"));
    }

    private static List<DutyPerson> paged(List<EscalationDesk.Step> steps) {
        return steps.stream().filter(s -> s instanceof EscalationDesk.Step.Page).map(s ->
                ((EscalationDesk.Step.Page) s).person()).toList();
    }

    @Test
    void aSecondNeedForACallAlreadyEscalatingChangesNothing() {
        assertThat(paged(desk.needed(need("c1"), "e1", List.of(A, B)))).containsExactly(A);
        assertThat(desk.needed(need("c1"), "e2", List.of(A, B))).isEmpty();
        assertThat(desk.snapshot()).hasSize(1);
    }

    @Test
    void anEmptyDutyListEndsAtOnceAsExhaustedAndStaysVisibleAsSuch() {
        List<EscalationDesk.Step> steps = desk.needed(need("c1"), "e1", List.of());
        assertThat(paged(steps)).isEmpty();
        assertThat(steps).filteredOn(s -> s instanceof EscalationDesk.Step.Show)
                .extracting(s -> ((EscalationDesk.Step.Show) s).status().state()).containsExactly("exhausted");
    }

    @Test
    void aLateTimeoutOrAnEventOfAnEndedPageChangesNothing() {
        desk.needed(need("c1"), "e1", List.of(A, B));
        assertThat(paged(desk.originated("leg-1", false))).containsExactly(B);
        // leg-1 is over: its timeout and its hangup come late and must not move the list on again.
        assertThat(desk.timedOut("e1", "leg-1")).isEmpty();
        assertThat(desk.hungUp("leg-1")).isEmpty();
        assertThat(desk.acknowledged("leg-1")).isEmpty();
        assertThat(desk.acknowledged("leg-2")).filteredOn(s -> s instanceof EscalationDesk.Step.Show)
                .extracting(s -> ((EscalationDesk.Step.Show) s).status().acknowledgedBy()).containsExactly("Bibi");
    }

    @Test
    void theDutyPhoneIsNeverInAStepThatLeavesTheModuleButThePage() {
        List<EscalationDesk.Step> steps = desk.needed(need("c1"), "e1", List.of(A));
        assertThat(steps.stream().filter(s -> !(s instanceof EscalationDesk.Step.Page)).map(Object::toString))
                .noneMatch(s -> s.contains("700111001"));
        assertThat(A.toString()).doesNotContain("700111001");
    }

    @Test
    void aWaitingCallerWhoLeavesAfterTheOneHasTheDutyPersonToldOnceAndNotAfterReachingTheRoom() {
        desk.needed(need("c1"), "e1", List.of(A));
        desk.acknowledged("leg-1");
        assertThat(desk.callerLeft("c1")).containsExactly(new EscalationDesk.Step.CallerGone("leg-1"));
        assertThat(desk.callerLeft("c1")).as("told once").isEmpty();

        desk.needed(need("c2"), "e2", List.of(A));
        desk.acknowledged("leg-2");
        assertThat(desk.callerJoined("c2", "PJSIP/trunk-1")).isEmpty();
        assertThat(desk.callerLeft("c2")).as("the caller was with them: the call just ended").isEmpty();

        desk.needed(need("c3"), "e3", List.of(A));
        desk.acknowledged("leg-3");
        desk.dutyHungUp("leg-3");
        assertThat(desk.callerJoined("c3", "PJSIP/trunk-2")).as("nobody left in the room for them")
                .containsExactly(new EscalationDesk.Step.ToFallback("c3", "PJSIP/trunk-2"));
    }

    @Test
    void theCallerOfAVoiceMessageLeavingNeitherEndsItsPagingNorTellsAnyone() {
        desk.needed(new EscalationNeeded(Kind.EMERGENCY_VOICEMAIL, "c1", "prs", Instant.parse("2026-12-08T00:00:00Z")),
                "e1", List.of(A, B));
        assertThat(desk.callerLeft("c1")).isEmpty();
        assertThat(desk.snapshot()).extracting(s -> s.state()).containsExactly("paging");
        desk.acknowledged("leg-1");
        assertThat(desk.callerLeft("c1")).isEmpty();
    }

    @Test
    void aCallerLeavingWhilePagingEndsItAsCallerGoneAndAnOperatorTakingItAsStopped() {
        desk.needed(need("c1"), "e1", List.of(A));
        assertThat(desk.callerLeft("c1")).contains(new EscalationDesk.Step.HangUp("leg-1"))
                .filteredOn(s -> s instanceof EscalationDesk.Step.Show)
                .extracting(s -> ((EscalationDesk.Step.Show) s).status().state()).containsExactly("caller-gone");
        desk.needed(need("c2"), "e2", List.of(A));
        assertThat(desk.operatorTook("c2")).filteredOn(s -> s instanceof EscalationDesk.Step.Show)
                .extracting(s -> ((EscalationDesk.Step.Show) s).status().state()).containsExactly("stopped");
    }
}
