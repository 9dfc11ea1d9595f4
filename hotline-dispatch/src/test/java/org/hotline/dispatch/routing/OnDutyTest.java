package org.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.core.bus.IntakeReply;
import org.hotline.core.call.Language;
import org.hotline.core.call.Purpose;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorState;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.Test;

/** Issue 16: an honest "on duty", escalation of an emergency waiting too long, and declining only with a reason. */
class OnDutyTest {
    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final Duration ESCALATE_AFTER = Duration.ofSeconds(60);
    private static final HandOffWindow HAND_OFF = new HandOffWindow(Duration.ofSeconds(30), Duration.ofSeconds(5));

    private final Floor floor = new Floor(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofMinutes(2),
            Duration.ofHours(1), HAND_OFF, GRACE, ESCALATE_AFTER);
    private Instant now = Instant.parse("2026-12-08T08:00:00Z");
    private final List<Effect> effects = new ArrayList<>();

    @Test
    void withEveryScreenGoneLongerThanTheGraceTwelveCallersAreRefusedAtOnceNotHeld() {
        Operator closedBrowser = available("closed", Set.of(Language.DARI));
        floor.disconnected(closedBrowser.id(), now, effects);
        now = now.plus(GRACE).plusSeconds(1);
        floor.tick(now, effects);

        for (int i = 0; i < 12; i++) {
            assertThat(floor.intake(intake(Language.DARI, Purpose.REPORT), now, effects))
                    .as("caller %d", i).isEqualTo(IntakeReply.refused(IntakeReply.NO_OPERATORS));
        }
        assertThat(floor.positions()).isEmpty();
    }

    @Test
    void callersWaitingWhenTheLastScreenPassesTheGraceTakeTheClosedPath() {
        Operator away = operator("away", Set.of(Language.DARI));
        floor.connected(away, now, effects);
        CallIntake waiting = intake(Language.DARI, Purpose.REPORT);
        assertThat(floor.intake(waiting, now, effects).queued()).as("an operator away still answers soon").isTrue();
        floor.disconnected(away.id(), now, effects);
        effects.clear();

        floor.tick(now.plus(GRACE), effects);
        assertThat(effects).as("within the grace: a reload").doesNotContain(
                new Effect.Refuse(waiting.callId(), IntakeReply.NO_OPERATORS));

        floor.tick(now.plus(GRACE).plusSeconds(1), effects);
        assertThat(effects).contains(new Effect.Refuse(waiting.callId(), IntakeReply.NO_OPERATORS));
    }

    @Test
    void aNewRoutingOwnerKeepsTheCallsItRestoredWhileTheScreensTellItWhoIsOnTheFloor() {
        CallIntake restored = intake(Language.DARI, Purpose.REPORT);
        floor.restore(restored, now, effects);
        CallIntake resent = intake(Language.DARI, Purpose.REPORT);

        floor.tick(now.plusSeconds(1), effects);
        assertThat(floor.intake(resent, now.plusSeconds(1), effects).queued()).as("an IVR re-sending its call").isTrue();
        assertThat(effects).noneMatch(Effect.Refuse.class::isInstance);

        Operator back = operator("back", Set.of(Language.DARI));
        floor.resumed(back, OperatorState.AVAILABLE, null, now.plusSeconds(2), effects);
        assertThat(effects).filteredOn(Effect.Offer.class::isInstance).map(Effect.Offer.class::cast)
                .extracting(Effect.Offer::callId).contains(restored.callId());

        floor.signedOut(back.id(), now.plus(GRACE).plusSeconds(1), effects);
        assertThat(effects).as("after the grace, nobody means nobody").contains(
                new Effect.Refuse(resent.callId(), IntakeReply.NO_OPERATORS));
    }

    @Test
    void aReloadWithinTheGraceKeepsTheOperatorOnDutyAndOffersTheCall() {
        Operator reloads = available("reloads", Set.of(Language.DARI));
        floor.disconnected(reloads.id(), now, effects);
        now = now.plusSeconds(10);
        CallIntake call = intake(Language.DARI, Purpose.REPORT);
        assertThat(floor.intake(call, now, effects).queued()).isTrue();
        effects.clear();

        floor.connected(reloads, now.plusSeconds(5), effects);
        floor.tick(now.plus(GRACE).plusSeconds(30), effects);

        assertThat(effects).contains(new Effect.State(reloads.id(), OperatorState.AVAILABLE, null,
                Reconnection.RESTORED));
        assertThat(effects).filteredOn(Effect.Offer.class::isInstance).extracting(e -> ((Effect.Offer) e).callId())
                .containsExactly(call.callId());
        assertThat(floor.anyoneOnDuty(now.plus(GRACE).plusSeconds(30))).isTrue();
    }

    @Test
    void anEmergencyNobodyCanTakeIsEscalatedOnceAfterTheSetWait() {
        Operator pashtoOnly = available("pashto", Set.of(Language.PASHTO));
        CallIntake danger = intake(Language.URDU, Purpose.DANGER);
        floor.intake(danger, now, effects);
        floor.tick(now.plus(ESCALATE_AFTER).minusSeconds(1), effects);
        assertThat(escalations()).isEmpty();

        floor.tick(now.plus(ESCALATE_AFTER), effects);
        floor.tick(now.plus(ESCALATE_AFTER).plusSeconds(30), effects);

        assertThat(escalations()).containsExactly(new Effect.Escalate(EscalationNeeded.Kind.WAITING_EMERGENCY,
                danger.callId(), "ur", now));
        assertThat(floor.seat(pashtoOnly.id()).orElseThrow().state).isEqualTo(OperatorState.AVAILABLE);
    }

    @Test
    void anOrdinaryCallOrAnEmergencyOnOfferIsNotEscalated() {
        available("dari", Set.of(Language.DARI));
        floor.intake(intake(Language.DARI, Purpose.DANGER), now, effects);
        floor.intake(intake(Language.PASHTO, Purpose.REPORT), now, effects);

        floor.tick(now.plusSeconds(19), effects);

        assertThat(escalations()).isEmpty();
    }

    @Test
    void anEmergencyOfferIsDeclinedOnlyWithAReasonAndThenMovesOnAndEscalates() {
        Operator first = available("first", Set.of(Language.DARI));
        now = now.plusSeconds(1);
        Operator second = available("second", Set.of(Language.DARI));
        CallIntake danger = intake(Language.DARI, Purpose.DANGER);
        floor.intake(danger, now, effects);
        effects.clear();

        assertThat(floor.decline(first.id(), danger.callId(), null, now, effects)).isFalse();
        assertThat(effects).isEmpty();
        assertThat(floor.seat(first.id()).orElseThrow().state).isEqualTo(OperatorState.OFFERED);

        assertThat(floor.decline(first.id(), danger.callId(), "unwell", now, effects)).isTrue();

        assertThat(effects).contains(new Effect.Withdraw(first.id(), danger.callId(), "declined"),
                new Effect.State(first.id(), OperatorState.AVAILABLE, null, "declined:unwell"),
                new Effect.Escalate(EscalationNeeded.Kind.DECLINED_EMERGENCY, danger.callId(), "prs", now),
                new Effect.State(second.id(), OperatorState.OFFERED, danger.callId(), "offer"));
    }

    @Test
    void anOrdinaryOfferIsDeclinedWithoutAReasonAndNothingEscalates() {
        Operator first = available("first", Set.of(Language.DARI));
        CallIntake call = intake(Language.DARI, Purpose.REPORT);
        floor.intake(call, now, effects);

        assertThat(floor.decline(first.id(), call.callId(), null, now, effects)).isTrue();

        assertThat(floor.seat(first.id()).orElseThrow().state).isEqualTo(OperatorState.AVAILABLE);
        assertThat(escalations()).isEmpty();
    }

    private List<Effect.Escalate> escalations() {
        return effects.stream().filter(Effect.Escalate.class::isInstance).map(Effect.Escalate.class::cast).toList();
    }

    @Test
    void anAcknowledgedEscalationTakesTheWaitingCallOutOfTheQueueAndSendsTheCallerToTheRoom() {
        Operator offered = available("offered", Set.of(Language.DARI));
        CallIntake emergency = intake(Language.DARI, Purpose.DANGER);
        floor.intake(emergency, now, effects);
        assertThat(effects).filteredOn(Effect.Offer.class::isInstance).hasSize(1);
        effects.clear();

        assertThat(floor.onCall(emergency.callId(), now, effects)).isTrue();

        assertThat(effects).contains(new Effect.Withdraw(offered.id(), emergency.callId(), Floor.ON_CALL),
                new Effect.ToRoom(emergency.callId()));
        assertThat(floor.positions()).isEmpty();
        assertThat(floor.seat(offered.id()).orElseThrow().state).isEqualTo(OperatorState.AVAILABLE);
        effects.clear();
        floor.intake(emergency, now.plusSeconds(1), effects);
        floor.tick(now.plusSeconds(2), effects);
        assertThat(effects).as("the IVR re-sending it does not queue it again")
                .noneMatch(Effect.Offer.class::isInstance);
    }

    @Test
    void anAcknowledgementForACallNotWaitingOrBeingConnectedChangesNothing() {
        Operator taking = available("taking", Set.of(Language.DARI));
        CallIntake emergency = intake(Language.DARI, Purpose.DANGER);
        floor.intake(emergency, now, effects);
        assertThat(floor.accept(taking.id(), emergency.callId(), now, effects)).isTrue();
        effects.clear();

        assertThat(floor.onCall(emergency.callId(), now, effects)).as("the operator's answer brings the caller")
                .isFalse();
        assertThat(floor.onCall(UUID.randomUUID().toString(), now, effects)).as("gone, or a voice message").isFalse();
        assertThat(effects).isEmpty();
    }

    private static Operator operator(String name, Set<Language> languages) {
        return new Operator(UUID.randomUUID().toString(), name, name, Role.OPERATOR, languages, false,
                "PJSIP/" + name, true);
    }

    private Operator available(String name, Set<Language> languages) {
        Operator operator = operator(name, languages);
        floor.connected(operator, now, effects);
        floor.available(operator.id(), now, effects);
        return operator;
    }

    private CallIntake intake(Language language, Purpose purpose) {
        return new CallIntake(UUID.randomUUID().toString(), "u" + now.toEpochMilli(), language, purpose,
                purpose.priority(), null, "AF", Map.of());
    }
}
