package org.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.bus.HandOffReply.Answer.CALLER_GONE;
import static org.hotline.core.bus.HandOffReply.Answer.TAKEN;
import static org.hotline.core.bus.HandOffReply.Answer.TOO_LATE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.IntakeReply;
import org.hotline.core.call.Language;
import org.hotline.core.call.Purpose;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorState;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.Test;

/** The routing rules, as pure decisions with a controlled clock. */
class FloorTest {
    private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration WIDEN_AFTER = Duration.ofSeconds(60);
    private static final Duration WRAP_UP = Duration.ofMinutes(2);

    /** Long enough that no other test's jumps in time make a call look abandoned by its IVR. */
    private static final Duration CALL_SILENCE = Duration.ofHours(1);

    private static final Duration HAND_OFF_BACKSTOP = Duration.ofSeconds(30);
    private static final Duration HAND_OFF_MARGIN = Duration.ofSeconds(5);
    private static final HandOffWindow HAND_OFF = new HandOffWindow(HAND_OFF_BACKSTOP, HAND_OFF_MARGIN);

    private final Floor floor = new Floor(OFFER_TIMEOUT, WIDEN_AFTER, WRAP_UP, CALL_SILENCE, HAND_OFF);
    private Instant now = Instant.parse("2026-11-28T08:00:00Z");
    private final List<Effect> effects = new ArrayList<>();

    @Test
    void nobodyOnDutyRefusesTheCall() {
        assertThat(floor.intake(intake(Language.DARI, Purpose.REPORT), now, effects))
                .isEqualTo(IntakeReply.refused(IntakeReply.NO_OPERATORS));
    }

    @Test
    void aCallIsOfferedOnlyToAnAvailableOperatorWhoSpeaksItsLanguage() {
        Operator pashto = available("pashto", Set.of(Language.PASHTO), false);
        Operator dari = available("dari", Set.of(Language.DARI), false);
        CallIntake call = intake(Language.DARI, Purpose.REPORT);

        assertThat(floor.intake(call, now, effects).queued()).isTrue();

        assertThat(offers()).containsExactly(new Effect.Offer(dari.id(), call.callId(),
                now.plus(OFFER_TIMEOUT).toEpochMilli(), false));
        assertThat(state(pashto)).isEqualTo(OperatorState.AVAILABLE);
    }

    @Test
    void afterTheWaitTheOfferWidensToInterpreters() {
        Operator interpreter = available("interp", Set.of(Language.PASHTO), true);
        CallIntake call = intake(Language.TURKMEN, Purpose.HELP);
        floor.intake(call, now, effects);
        assertThat(offers()).isEmpty();

        now = now.plus(WIDEN_AFTER);
        floor.tick(now, effects);

        assertThat(offers()).extracting(Effect.Offer::operatorId).containsExactly(interpreter.id());
        assertThat(offers()).extracting(Effect.Offer::interpreter).as("the offer says so").containsExactly(true);
    }

    @Test
    void callsNobodyFreeCanTakeArePassedOverForTheCallsBehindThem() {
        Operator dari = available("dari", Set.of(Language.DARI), false);
        for (int i = 0; i < 50; i++) {
            floor.intake(intake(Language.TURKMEN, Purpose.REPORT), now, effects);
        }
        now = now.plusSeconds(1);
        CallIntake dariCall = intake(Language.DARI, Purpose.HELP);
        floor.intake(dariCall, now, effects);
        assertThat(offers()).containsExactly(new Effect.Offer(dari.id(), dariCall.callId(),
                now.plus(OFFER_TIMEOUT).toEpochMilli(), false));
        assertThat(floor.position(dariCall.callId())).contains(51);
    }

    @Test
    void theIntakeReplyGivesTheCallsPlaceInServiceOrderWhileEveryoneIsBusy() {
        Operator uzbek = signedIn("uzbek", Set.of(Language.UZBEK), false);
        CallIntake first = intake(Language.UZBEK, Purpose.REPORT);
        assertThat(floor.intake(first, now, effects).position()).isEqualTo(1);
        now = now.plusSeconds(1);
        CallIntake second = intake(Language.UZBEK, Purpose.HELP);
        assertThat(floor.intake(second, now, effects).position()).isEqualTo(2);
        now = now.plusSeconds(1);
        CallIntake emergency = intake(Language.UZBEK, Purpose.DANGER);
        assertThat(floor.intake(emergency, now, effects).position()).isEqualTo(1);
        assertThat(floor.positions()).containsEntry(emergency.callId(), 1).containsEntry(first.callId(), 2)
                .containsEntry(second.callId(), 3);
        assertThat(offers()).isEmpty();

        floor.available(uzbek.id(), now, effects);
        assertThat(offers()).extracting(Effect.Offer::callId).containsExactly(emergency.callId());
    }

    @Test
    void anEmergencyWidensAtOnceAndIsServedFirst() {
        CallIntake waitingLong = intake(Language.UZBEK, Purpose.REPORT);
        Operator uzbek = signedIn("uzbek", Set.of(Language.UZBEK), true);
        floor.intake(waitingLong, now, effects);
        now = now.plusSeconds(30);
        CallIntake emergency = intake(Language.UZBEK, Purpose.DANGER);
        floor.intake(emergency, now, effects);
        assertThat(floor.positions()).containsEntry(emergency.callId(), 1).containsEntry(waitingLong.callId(), 2);

        floor.available(uzbek.id(), now, effects);
        assertThat(offers()).extracting(Effect.Offer::callId).containsExactly(emergency.callId());

        CallIntake tajikEmergency = intake(Language.TAJIK, Purpose.DANGER);
        Operator interpreter = available("interp", Set.of(Language.DARI), true);
        effects.clear();
        floor.intake(tajikEmergency, now, effects);
        assertThat(offers()).extracting(Effect.Offer::operatorId).containsExactly(interpreter.id());
    }

    @Test
    void theOperatorAvailableLongestGetsTheCall() {
        Operator first = available("first", Set.of(Language.URDU), false);
        now = now.plusSeconds(5);
        available("second", Set.of(Language.URDU), false);

        floor.intake(intake(Language.URDU, Purpose.REPORT), now, effects);

        assertThat(offers()).extracting(Effect.Offer::operatorId).containsExactly(first.id());
    }

    @Test
    void anExpiredOfferSendsTheOperatorAwayAndTheCallToTheNext() {
        Operator slow = available("slow", Set.of(Language.DARI), false);
        now = now.plusSeconds(1);
        Operator next = available("next", Set.of(Language.DARI), false);
        CallIntake call = intake(Language.DARI, Purpose.REPORT);
        floor.intake(call, now, effects);
        effects.clear();

        now = now.plus(OFFER_TIMEOUT);
        floor.tick(now, effects);

        assertThat(effects).contains(new Effect.Withdraw(slow.id(), call.callId(), "expired"));
        assertThat(state(slow)).isEqualTo(OperatorState.AWAY);
        assertThat(offers()).extracting(Effect.Offer::operatorId).containsExactly(next.id());
    }

    @Test
    void exactlyOneOperatorOwnsACallWhenTwoAcceptAtOnce() {
        Operator holder = available("holder", Set.of(Language.TAJIK), false);
        Operator other = available("other", Set.of(Language.TAJIK), false);
        CallIntake call = intake(Language.TAJIK, Purpose.REPORT);
        floor.intake(call, now, effects);

        boolean holderWins = floor.accept(holder.id(), call.callId(), now, effects);
        boolean otherWins = floor.accept(other.id(), call.callId(), now, effects);
        boolean holderAgain = floor.accept(holder.id(), call.callId(), now, effects);

        assertThat(holderWins).isTrue();
        assertThat(otherWins).isFalse();
        assertThat(holderAgain).isFalse();
        assertThat(effects).filteredOn(Effect.Assign.class::isInstance).hasSize(1);
        floor.handedOff(holder.id(), call.callId(), TAKEN, now, effects);
        assertThat(state(holder)).isEqualTo(OperatorState.ON_CALL);
        assertThat(floor.positions()).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpDuringAnOfferIsWithdrawnFromTheScreen() {
        Operator operator = available("op", Set.of(Language.PASHTO), false);
        CallIntake call = intake(Language.PASHTO, Purpose.HELP);
        floor.intake(call, now, effects);
        effects.clear();

        floor.callLeft(call.callId(), now, effects);

        assertThat(effects).contains(new Effect.Withdraw(operator.id(), call.callId(), "caller-left"));
        assertThat(state(operator)).isEqualTo(OperatorState.AVAILABLE);
        assertThat(floor.positions()).isEmpty();
    }

    @Test
    void aClosedBrowserLosesTheOfferAtOnce() {
        Operator closed = available("closed", Set.of(Language.URDU), false);
        now = now.plusSeconds(1);
        Operator open = available("open", Set.of(Language.URDU), false);
        CallIntake call = intake(Language.URDU, Purpose.REPORT);
        floor.intake(call, now, effects);
        effects.clear();

        floor.disconnected(closed.id(), now, effects);

        assertThat(state(closed)).isEqualTo(OperatorState.AWAY);
        assertThat(offers()).extracting(Effect.Offer::operatorId).containsExactly(open.id());
    }

    @Test
    void aCallerGoneBeforeTheHandOffGivesTheOperatorBack() {
        Operator operator = available("op", Set.of(Language.DARI), false);
        CallIntake call = intake(Language.DARI, Purpose.REPORT);
        floor.intake(call, now, effects);
        floor.accept(operator.id(), call.callId(), now, effects);

        floor.handedOff(operator.id(), call.callId(), CALLER_GONE, now, effects);

        assertThat(state(operator)).isEqualTo(OperatorState.AVAILABLE);
        assertThat(effects).contains(new Effect.Withdraw(operator.id(), call.callId(), "caller-left"));
    }

    @Test
    void wrapUpEndsOnlyWithTheTipOfThatCallOrTheOperatorsOwnWordNeverWithTime() {
        Operator saves = available("saves", Set.of(Language.DARI), false);
        CallIntake first = callEndedFor(saves);
        floor.tipSaved(saves.id(), null, now, effects);
        floor.tipSaved(saves.id(), intake(Language.DARI, Purpose.REPORT).callId(), now, effects);
        assertThat(state(saves)).as("a tip of no call, or of another call").isEqualTo(OperatorState.WRAP_UP);
        floor.tipSaved(saves.id(), first.callId(), now, effects);
        assertThat(state(saves)).isEqualTo(OperatorState.AVAILABLE);

        callEndedFor(saves);
        now = now.plus(WRAP_UP.multipliedBy(10));
        floor.tick(now, effects);
        assertThat(state(saves)).as("still typing long after the planned end").isEqualTo(OperatorState.WRAP_UP);
        floor.available(saves.id(), now, effects);
        assertThat(state(saves)).isEqualTo(OperatorState.AVAILABLE);
    }

    @Test
    void extendingWrapUpMovesItsPlannedEndAndTellsTheScreen() {
        Operator slow = available("slow", Set.of(Language.DARI), false);
        CallIntake call = callEndedFor(slow);
        Instant ended = now;
        now = now.plusSeconds(30);
        effects.clear();

        floor.extendWrapUp(slow.id(), now, effects);

        assertThat(floor.seat(slow.id()).orElseThrow().wrapUpUntil).isEqualTo(ended.plus(WRAP_UP).plus(WRAP_UP));
        assertThat(effects).containsExactly(new Effect.State(slow.id(), OperatorState.WRAP_UP, call.callId(),
                "wrap-up-extended"));
        assertThat(floor.seat(slow.id()).orElseThrow().wrapUpSince).isEqualTo(ended);
    }

    @Test
    void theWallboardShowsWhoIsInWrapUpForHowLongAndHowFarPastThePlan() {
        Operator slow = available("slow", Set.of(Language.DARI), false);
        callEndedFor(slow);
        now = now.plus(WRAP_UP).plusSeconds(30);

        var board = WallboardView.of(floor, java.util.Map.of(), now);

        assertThat(board.wrapUps()).containsExactly(new org.hotline.core.bus.Wallboard.WrapUp("slow",
                WRAP_UP.plusSeconds(30).toSeconds(), 30));
    }

    @Test
    void anOperatorDroppedWhileAvailableIsAvailableAgainWhenBackWithinTheGrace() {
        Floor graced = new Floor(OFFER_TIMEOUT, WIDEN_AFTER, WRAP_UP, CALL_SILENCE, HAND_OFF, Duration.ofSeconds(60));
        Operator blip = operator("blip", Set.of(Language.DARI), false);
        Operator late = operator("late", Set.of(Language.DARI), false);
        for (Operator o : List.of(blip, late)) {
            graced.connected(o, now, effects);
            graced.available(o.id(), now, effects);
            graced.disconnected(o.id(), now, effects);
        }
        effects.clear();

        graced.connected(blip, now.plusSeconds(12), effects);
        graced.connected(late, now.plusSeconds(61), effects);

        assertThat(effects).containsExactly(
                new Effect.State(blip.id(), OperatorState.AVAILABLE, null, Reconnection.RESTORED),
                new Effect.State(late.id(), OperatorState.AWAY, null, "disconnected"));
    }

    @Test
    void anOperatorWhoChoseAwayStaysAwayAfterADrop() {
        Floor graced = new Floor(OFFER_TIMEOUT, WIDEN_AFTER, WRAP_UP, CALL_SILENCE, HAND_OFF, Duration.ofSeconds(60));
        Operator chose = operator("chose", Set.of(Language.DARI), false);
        graced.connected(chose, now, effects);
        graced.disconnected(chose.id(), now, effects);
        effects.clear();

        graced.connected(chose, now.plusSeconds(5), effects);

        assertThat(effects).containsExactly(new Effect.State(chose.id(), OperatorState.AWAY, null, "reconnected"));
    }

    /** Puts an available operator through a call that has just ended; returns the call. */
    private CallIntake callEndedFor(Operator operator) {
        CallIntake call = intake(Language.DARI, Purpose.REPORT);
        floor.intake(call, now, effects);
        floor.accept(operator.id(), call.callId(), now, effects);
        floor.handedOff(operator.id(), call.callId(), TAKEN, now, effects);
        floor.callEnded(call.callId(), now, effects);
        assertThat(state(operator)).isEqualTo(OperatorState.WRAP_UP);
        return call;
    }

    @Test
    void whenTheLastOperatorSignsOutWaitingCallersAreToldAtOnce() {
        Operator only = signedIn("only", Set.of(Language.DARI), false);
        CallIntake call = intake(Language.DARI, Purpose.REPORT);
        floor.intake(call, now, effects);

        floor.signedOut(only.id(), now, effects);

        assertThat(effects).contains(new Effect.Refuse(call.callId(), IntakeReply.NO_OPERATORS));
    }

    @Test
    void aReSentIntakeKeepsTheCallsPlaceAndAHandedOffCallIsNeverQueuedAgain() {
        Operator dari = signedIn("dari", Set.of(Language.DARI), false);
        CallIntake first = intake(Language.DARI, Purpose.REPORT);
        floor.intake(first, now, effects);
        now = now.plusSeconds(10);
        CallIntake second = intake(Language.DARI, Purpose.REPORT);
        floor.intake(second, now, effects);
        now = now.plusSeconds(5);
        floor.intake(first, now, effects);
        assertThat(floor.positions()).containsEntry(first.callId(), 1).containsEntry(second.callId(), 2);

        floor.available(dari.id(), now, effects);
        floor.accept(dari.id(), first.callId(), now, effects);
        floor.handedOff(dari.id(), first.callId(), TAKEN, now, effects);
        // The IVR's reminder crossed with the hand-off: it must not queue the call again.
        assertThat(floor.intake(first, now, effects).queued()).isFalse();
        assertThat(floor.positions()).containsOnlyKeys(second.callId());
    }

    @Test
    void aNewOwnerQueuesAReSentIntakeAtItsOriginalTime() {
        available("dari", Set.of(Language.PASHTO), false);
        CallIntake old = new CallIntake(UUID.randomUUID().toString(), "old", Language.DARI, Purpose.REPORT,
                Purpose.REPORT.priority(), null, "AF", Map.of(org.hotline.core.call.CallStep.QUEUED,
                now.minusSeconds(90)));
        CallIntake fresh = intake(Language.DARI, Purpose.REPORT);
        floor.intake(fresh, now, effects);
        floor.intake(old, now, effects);
        assertThat(floor.positions()).containsEntry(old.callId(), 1).containsEntry(fresh.callId(), 2);
    }

    @Test
    void aCallWhoseIvrFellSilentLeavesTheQueue() {
        Floor strict = new Floor(OFFER_TIMEOUT, WIDEN_AFTER, WRAP_UP, Duration.ofSeconds(20), HAND_OFF);
        strict.connected(operator("pashto", Set.of(Language.PASHTO), false), now, effects);
        CallIntake held = intake(Language.DARI, Purpose.REPORT);
        CallIntake orphan = intake(Language.DARI, Purpose.REPORT);
        strict.intake(held, now, effects);
        strict.intake(orphan, now, effects);
        for (int i = 0; i < 5; i++) {
            now = now.plusSeconds(5);
            strict.intake(held, now, effects);
            strict.tick(now, effects);
        }
        assertThat(strict.positions()).containsOnlyKeys(held.callId());
    }

    @Test
    void aReminderForACallDroppedAsSilentPutsItBackAtItsOriginalPlace() {
        Floor strict = new Floor(OFFER_TIMEOUT, WIDEN_AFTER, WRAP_UP, Duration.ofSeconds(20), HAND_OFF);
        strict.connected(operator("pashto", Set.of(Language.PASHTO), false), now, effects);
        CallIntake late = reminder(Language.DARI, now);
        now = now.plusSeconds(1);
        CallIntake behind = reminder(Language.DARI, now);
        strict.intake(late, now, effects);
        strict.intake(behind, now, effects);
        // The late call's IVR is held up (a busy node): its reminders stop arriving for longer than the silence.
        for (int i = 0; i < 5; i++) {
            now = now.plusSeconds(5);
            strict.intake(behind, now, effects);
            strict.tick(now, effects);
        }
        assertThat(strict.positions()).containsOnlyKeys(behind.callId());
        effects.clear();

        IntakeReply reply = strict.intake(late, now, effects);

        assertThat(reply.queued()).as("a late reminder is no refusal into the void").isTrue();
        assertThat(strict.positions()).as("back at its original place, ahead of the later caller")
                .containsEntry(late.callId(), 1).containsEntry(behind.callId(), 2);
        assertThat(effects).noneMatch(Effect.Refuse.class::isInstance);
    }

    @Test
    void aReminderRefusedBecauseNobodyIsOnDutyTellsTheHeldCallItself() {
        CallIntake held = reminder(Language.DARI, now.minusSeconds(30));

        IntakeReply reply = floor.intake(held, now, effects);

        assertThat(reply.queued()).isFalse();
        // The reminder's reply reaches nobody (sent without waiting), so the refusal goes to the call's inbox.
        assertThat(effects).containsExactly(new Effect.Refuse(held.callId(), IntakeReply.NO_OPERATORS));
        effects.clear();
        assertThat(floor.intake(intake(Language.DARI, Purpose.REPORT), now, effects).queued()).isFalse();
        assertThat(effects).as("a new caller hears the reply itself").isEmpty();
    }

    @Test
    void aCallRestoredFromTheDatabaseWaitsAtItsPlaceUntilSomeoneCanTakeIt() {
        CallIntake restored = new CallIntake(UUID.randomUUID().toString(), "restored", Language.DARI,
                Purpose.REPORT, Purpose.REPORT.priority(), null, "AF", Map.of(org.hotline.core.call.CallStep.QUEUED,
                now.minusSeconds(30)));
        floor.restore(restored, now, effects);
        assertThat(floor.positions()).containsOnlyKeys(restored.callId());

        Operator dari = available("dari", Set.of(Language.DARI), false);
        assertThat(offers()).extracting(Effect.Offer::operatorId, Effect.Offer::callId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(dari.id(), restored.callId()));
    }

    @Test
    void anOperatorResumedByANewOwnerKeepsTheirRecordedState() {
        Operator onCall = operator("oncall", Set.of(Language.DARI), false);
        Operator ready = operator("ready", Set.of(Language.DARI), false);
        Operator offered = operator("offered", Set.of(Language.DARI), false);
        floor.resumed(onCall, OperatorState.ON_CALL, "call-1", now, effects);
        floor.resumed(ready, OperatorState.AVAILABLE, null, now, effects);
        floor.resumed(offered, OperatorState.OFFERED, "call-2", now, effects);
        assertThat(state(onCall)).isEqualTo(OperatorState.ON_CALL);
        assertThat(floor.seat(onCall.id()).orElseThrow().callId).isEqualTo("call-1");
        assertThat(state(ready)).isEqualTo(OperatorState.AVAILABLE);
        // The old owner's offer died with it; the call comes back with its next intake.
        assertThat(state(offered)).isEqualTo(OperatorState.AVAILABLE);

        floor.callEnded("call-1", now, effects);
        assertThat(state(onCall)).isEqualTo(OperatorState.WRAP_UP);
    }

    @Test
    void anAcceptedOperatorIsHeldConnectingUntilTheIvrTakesTheCallHoweverLongThePrompts() {
        Operator operator = available("op", Set.of(Language.DARI), false);
        CallIntake call = intake(Language.DARI, Purpose.REPORT);
        floor.intake(call, now, effects);
        effects.clear();

        assertThat(floor.accept(operator.id(), call.callId(), now, effects)).isTrue();
        assertThat(effects).containsExactly(new Effect.Assign(operator.id(), call.callId(), operator.endpoint(),
                now.plus(HAND_OFF_BACKSTOP).minus(HAND_OFF_MARGIN).toEpochMilli()));
        // The IVR is in the middle of a chain of prompts, its intake re-sent meanwhile: nothing gives the seat up.
        for (int i = 0; i < 5; i++) {
            now = now.plusSeconds(5);
            floor.intake(call, now, effects);
            floor.tick(now, effects);
        }
        assertThat(state(operator)).isEqualTo(OperatorState.OFFERED);
        assertThat(effects).hasSize(1);

        floor.handedOff(operator.id(), call.callId(), TAKEN, now, effects);

        assertThat(states(operator)).containsExactly(OperatorState.ON_CALL);
        assertThat(effects).contains(new Effect.Connected(operator.id(), call.callId()));
        assertThat(floor.intake(call, now, effects).queued()).isFalse();
    }

    @Test
    void aCallerWhoLeavesWhileConnectingGivesTheOperatorBackAtOnceAndTheLateAnswerChangesNothing() {
        Operator operator = available("op", Set.of(Language.DARI), false);
        CallIntake call = intake(Language.DARI, Purpose.REPORT);
        floor.intake(call, now, effects);
        floor.accept(operator.id(), call.callId(), now, effects);
        effects.clear();

        floor.callLeft(call.callId(), now, effects);

        assertThat(effects).containsExactly(new Effect.Withdraw(operator.id(), call.callId(), Floor.CALLER_LEFT),
                new Effect.State(operator.id(), OperatorState.AVAILABLE, null, Floor.CALLER_LEFT));
        effects.clear();
        floor.handedOff(operator.id(), call.callId(), CALLER_GONE, now, effects);
        assertThat(effects).isEmpty();
        assertThat(floor.positions()).isEmpty();
    }

    @Test
    void aCallThatEndsWhileConnectingGivesTheOperatorBack() {
        Operator operator = available("op", Set.of(Language.URDU), false);
        CallIntake call = intake(Language.URDU, Purpose.HELP);
        floor.intake(call, now, effects);
        floor.accept(operator.id(), call.callId(), now, effects);
        effects.clear();

        floor.callEnded(call.callId(), now, effects);

        assertThat(states(operator)).containsExactly(OperatorState.AVAILABLE);
        assertThat(effects).contains(new Effect.Withdraw(operator.id(), call.callId(), Floor.CALLER_LEFT));
        assertThat(floor.positions()).isEmpty();
    }

    @Test
    void anIvrThatNeverAnswersLosesTheHandOffAtTheBackstopAndTheCallIsNotHandedOff() {
        Floor strict = new Floor(OFFER_TIMEOUT, WIDEN_AFTER, WRAP_UP, Duration.ofSeconds(20), HAND_OFF);
        Operator operator = operator("op", Set.of(Language.DARI), false);
        strict.connected(operator, now, effects);
        strict.available(operator.id(), now, effects);
        CallIntake call = intake(Language.DARI, Purpose.REPORT);
        strict.intake(call, now, effects);
        strict.accept(operator.id(), call.callId(), now, effects);
        effects.clear();

        now = now.plus(HAND_OFF_BACKSTOP).minusMillis(1);
        strict.tick(now, effects);
        assertThat(effects).isEmpty();
        now = now.plusMillis(1);
        strict.tick(now, effects);

        assertThat(effects).containsExactly(new Effect.Withdraw(operator.id(), call.callId(), Connecting.HAND_OFF_LOST),
                new Effect.State(operator.id(), OperatorState.AVAILABLE, null, Connecting.HAND_OFF_LOST));
        // Its IVR fell silent: the call is forgotten, but not settled, so an IVR that was only slow gets it back.
        assertThat(strict.positions()).isEmpty();
        assertThat(strict.intake(call, now, effects).queued()).isTrue();
        assertThat(offers()).extracting(Effect.Offer::callId).containsExactly(call.callId());
    }

    @Test
    void aHandOffLostWhileTheIvrStillResendsPutsTheCallBackInTheQueue() {
        Operator first = available("first", Set.of(Language.PASHTO), false);
        now = now.plusSeconds(1);
        Operator second = available("second", Set.of(Language.PASHTO), false);
        CallIntake call = intake(Language.PASHTO, Purpose.REPORT);
        floor.intake(call, now, effects);
        floor.accept(first.id(), call.callId(), now, effects);
        effects.clear();

        now = now.plus(HAND_OFF_BACKSTOP);
        floor.tick(now, effects);

        assertThat(state(first)).isEqualTo(OperatorState.AVAILABLE);
        assertThat(offers()).extracting(Effect.Offer::operatorId).containsExactly(second.id());
    }

    @Test
    void anAssignmentReadTooLateFreesTheOperatorAndOffersTheCallAgain() {
        Operator first = available("first", Set.of(Language.TAJIK), false);
        now = now.plusSeconds(1);
        Operator second = available("second", Set.of(Language.TAJIK), false);
        CallIntake call = intake(Language.TAJIK, Purpose.REPORT);
        floor.intake(call, now, effects);
        floor.accept(first.id(), call.callId(), now, effects);
        effects.clear();
        now = now.plus(HAND_OFF_BACKSTOP).minus(HAND_OFF_MARGIN).plusSeconds(1);

        floor.handedOff(first.id(), call.callId(), TOO_LATE, now, effects);

        assertThat(effects).contains(new Effect.Withdraw(first.id(), call.callId(), Connecting.TOO_LATE),
                new Effect.State(first.id(), OperatorState.AVAILABLE, null, Connecting.TOO_LATE));
        assertThat(offers()).extracting(Effect.Offer::operatorId, Effect.Offer::callId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second.id(), call.callId()));
        assertThat(floor.intake(call, now, effects).queued()).isTrue();
        assertThat(effects).noneMatch(Effect.Connected.class::isInstance);
    }

    @Test
    void whenNoIvrHoldsTheCallTheCallersLeavingDecidesOrTheHandOffIsLostSoon() {
        Operator hungUp = available("hungup", Set.of(Language.DARI), false);
        CallIntake first = intake(Language.DARI, Purpose.REPORT);
        floor.intake(first, now, effects);
        floor.accept(hungUp.id(), first.callId(), now, effects);
        floor.noIvrHolds(hungUp.id(), first.callId(), now, effects);
        floor.callLeft(first.callId(), now.plusMillis(10), effects);
        assertThat(effects).contains(new Effect.State(hungUp.id(), OperatorState.AVAILABLE, null, Floor.CALLER_LEFT));

        Operator orphaned = available("orphaned", Set.of(Language.URDU), false);
        CallIntake second = intake(Language.URDU, Purpose.REPORT);
        floor.intake(second, now, effects);
        floor.accept(orphaned.id(), second.callId(), now, effects);
        effects.clear();
        floor.noIvrHolds(orphaned.id(), second.callId(), now, effects);
        floor.tick(now.plus(Connecting.LEAVING_GRACE).minusMillis(1), effects);
        assertThat(state(orphaned)).isEqualTo(OperatorState.OFFERED);
        now = now.plus(Connecting.LEAVING_GRACE);
        floor.tick(now, effects);

        assertThat(effects).containsExactly(
                new Effect.Withdraw(orphaned.id(), second.callId(), Connecting.HAND_OFF_LOST),
                new Effect.State(orphaned.id(), OperatorState.AVAILABLE, null, Connecting.HAND_OFF_LOST));
        assertThat(floor.positions()).isEmpty();
        // Not settled: were an IVR still holding it, its next re-sent intake would queue it again.
        assertThat(floor.intake(second, now, effects).queued()).isTrue();
    }

    @Test
    void awayOrAClosedBrowserWhileConnectingWaitsForTheHandOff() {
        Operator taken = available("taken", Set.of(Language.DARI), false);
        CallIntake first = intake(Language.DARI, Purpose.REPORT);
        floor.intake(first, now, effects);
        floor.accept(taken.id(), first.callId(), now, effects);
        floor.away(taken.id(), now, effects);
        assertThat(state(taken)).isEqualTo(OperatorState.OFFERED);
        floor.handedOff(taken.id(), first.callId(), TAKEN, now, effects);
        assertThat(state(taken)).isEqualTo(OperatorState.ON_CALL);

        Operator gone = available("gone", Set.of(Language.URDU), false);
        CallIntake second = intake(Language.URDU, Purpose.REPORT);
        floor.intake(second, now, effects);
        floor.accept(gone.id(), second.callId(), now, effects);
        floor.disconnected(gone.id(), now, effects);
        assertThat(state(gone)).isEqualTo(OperatorState.OFFERED);
        floor.handedOff(gone.id(), second.callId(), CALLER_GONE, now, effects);
        assertThat(state(gone)).isEqualTo(OperatorState.AWAY);
    }

    @Test
    void anAwayPressedWhileConnectingIsForgottenOnceTheCallIsTaken() {
        Operator operator = available("operator", Set.of(Language.DARI), false);
        CallIntake first = intake(Language.DARI, Purpose.REPORT);
        floor.intake(first, now, effects);
        floor.accept(operator.id(), first.callId(), now, effects);
        floor.away(operator.id(), now, effects);
        floor.handedOff(operator.id(), first.callId(), TAKEN, now, effects);
        floor.callEnded(first.callId(), now, effects);
        floor.tipSaved(operator.id(), first.callId(), now, effects);
        CallIntake second = intake(Language.DARI, Purpose.REPORT);
        floor.intake(second, now, effects);
        assertThat(state(operator)).isEqualTo(OperatorState.OFFERED);

        floor.callLeft(second.callId(), now, effects);

        assertThat(state(operator)).isEqualTo(OperatorState.AVAILABLE);
    }

    @Test
    void aCallWhoseOperatorSignedOutWhileConnectingIsOfferedAgainWhenItsIvrSaysTooLate() {
        Operator leaving = available("leaving", Set.of(Language.DARI), false);
        CallIntake call = intake(Language.DARI, Purpose.REPORT);
        floor.intake(call, now, effects);
        floor.accept(leaving.id(), call.callId(), now, effects);
        floor.signedOut(leaving.id(), now, effects);
        effects.clear();
        Operator next = available("next", Set.of(Language.DARI), false);
        assertThat(offers()).as("the IVR may still put the caller through to the one who left").isEmpty();

        floor.handedOff(leaving.id(), call.callId(), TOO_LATE, now, effects);

        assertThat(offers()).extracting(Effect.Offer::operatorId, Effect.Offer::callId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(next.id(), call.callId()));
    }

    private Operator signedIn(String name, Set<Language> languages, boolean interpreter) {
        Operator operator = operator(name, languages, interpreter);
        floor.connected(operator, now, effects);
        return operator;
    }

    private static Operator operator(String name, Set<Language> languages, boolean interpreter) {
        return new Operator(UUID.randomUUID().toString(), name, name, Role.OPERATOR, languages, interpreter,
                "PJSIP/" + name, true);
    }

    private Operator available(String name, Set<Language> languages, boolean interpreter) {
        Operator operator = signedIn(name, languages, interpreter);
        floor.available(operator.id(), now, effects);
        return operator;
    }

    private OperatorState state(Operator operator) {
        return floor.seat(operator.id()).orElseThrow().state;
    }

    /** The states this operator went through in {@link #effects}. */
    private List<OperatorState> states(Operator operator) {
        return effects.stream().filter(Effect.State.class::isInstance).map(Effect.State.class::cast)
                .filter(s -> s.operatorId().equals(operator.id())).map(Effect.State::state).toList();
    }

    private List<Effect.Offer> offers() {
        return effects.stream().filter(Effect.Offer.class::isInstance).map(Effect.Offer.class::cast).toList();
    }

    /** An intake re-sent by a holding call's IVR: it carries the call's queued time. */
    private CallIntake reminder(Language language, Instant queuedAt) {
        return new CallIntake(UUID.randomUUID().toString(), "u" + queuedAt.toEpochMilli(), language, Purpose.REPORT,
                Purpose.REPORT.priority(), null, "AF", Map.of(org.hotline.core.call.CallStep.QUEUED, queuedAt));
    }

    private CallIntake intake(Language language, Purpose purpose) {
        return new CallIntake(UUID.randomUUID().toString(), "u" + now.toEpochMilli(), language, purpose,
                purpose.priority(), null, "AF", Map.of());
    }
}
