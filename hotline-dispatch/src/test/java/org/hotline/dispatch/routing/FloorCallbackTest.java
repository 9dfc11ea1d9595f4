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
import org.hotline.core.bus.CallbackResult;
import org.hotline.core.bus.CallbackResult.Result;
import org.hotline.core.call.Language;
import org.hotline.core.call.Purpose;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorState;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.Test;

/**
 * A caller who accepted a callback keeps their place: the routing rules for it, as pure decisions with a
 * controlled clock. No IVR re-sends the call, the caller's hangup does not end it, and whoever takes it is on the
 * call at once and starts the outbound call with Call back.
 */
class FloorCallbackTest {
    private static final Duration CALL_SILENCE = Duration.ofSeconds(30);
    private static final Duration WRAP_UP = Duration.ofMinutes(2);
    private static final String CALLBACK = "cb-0123456789abcdef";

    private final Floor floor = new Floor(Duration.ofSeconds(20), Duration.ofSeconds(60), WRAP_UP, CALL_SILENCE,
            new HandOffWindow(Duration.ofSeconds(30), Duration.ofSeconds(5)));
    private Instant now = Instant.parse("2026-12-08T08:00:00Z");
    private final List<Effect> effects = new ArrayList<>();

    @Test
    void anAcceptedCallbackKeepsItsPlaceWithoutItsIvrAndIsOfferedAndTakenAsACallback() {
        Operator dari = signedIn("dari");
        CallIntake first = intake();
        floor.intake(first, now, effects);
        now = now.plusSeconds(1);
        CallIntake second = intake();
        floor.intake(second, now, effects);
        assertThat(floor.callbackRequested(first.callId(), CALLBACK, now, effects)).isTrue();
        floor.callEnded(first.callId(), now, effects);

        now = now.plus(CALL_SILENCE).plusSeconds(5);
        floor.tick(now, effects);
        assertThat(floor.position(first.callId())).as("kept its place past the call silence and the hangup")
                .contains(1);
        assertThat(floor.position(second.callId())).as("its IVR went silent").isEmpty();
        assertThat(floor.waitingCall(first.callId()).orElseThrow().card().callback()).isTrue();

        floor.available(dari.id(), now, effects);
        assertThat(offers()).containsExactly(first.callId());
        effects.clear();
        assertThat(floor.accept(dari.id(), first.callId(), now, effects)).isTrue();

        assertThat(effects).noneMatch(Effect.Assign.class::isInstance);
        assertThat(effects).contains(new Effect.CallbackTaken(dari.id(), first.callId()));
        assertThat(state(dari)).isEqualTo(OperatorState.ON_CALL);
        assertThat(floor.position(first.callId())).isEmpty();
    }

    @Test
    void callBackDialsOnceWithTheOperatorsPhoneAndAFailureBringsTheWrapUp() {
        Operator dari = takenCallback();
        String callId = floor.seat(dari.id()).orElseThrow().callId;

        floor.callBack(dari.id(), callId, effects);
        floor.callBack(dari.id(), callId, effects);
        floor.callBack(dari.id(), "another-call", effects);

        assertThat(effects).containsExactly(new Effect.CallbackState(dari.id(), callId, "ringing", 0),
                new Effect.DialCallback(dari.id(), callId, CALLBACK, "PJSIP/dari"));
        effects.clear();

        floor.callbackResult(new CallbackResult(callId, CALLBACK, Result.FAILED, 3, 17), now, effects);

        assertThat(effects).contains(new Effect.CallbackState(dari.id(), callId, "failed", 3));
        assertThat(state(dari)).isEqualTo(OperatorState.WRAP_UP);
        effects.clear();
        floor.callBack(dari.id(), callId, effects);
        assertThat(effects).as("the number is gone: nothing more to dial").isEmpty();
    }

    @Test
    void aConnectedCallbackEndsLikeAnyCallAndAnUnreachableOperatorMayPressAgain() {
        Operator dari = takenCallback();
        String callId = floor.seat(dari.id()).orElseThrow().callId;
        floor.callBack(dari.id(), callId, effects);
        floor.callbackResult(new CallbackResult(callId, CALLBACK, Result.OPERATOR_UNREACHABLE, 0, 0), now,
                effects);
        assertThat(state(dari)).isEqualTo(OperatorState.ON_CALL);
        effects.clear();
        floor.callBack(dari.id(), callId, effects);
        assertThat(effects).hasSize(2);

        floor.callbackResult(new CallbackResult(callId, CALLBACK, Result.CONNECTED, 1, 0), now, effects);
        assertThat(state(dari)).isEqualTo(OperatorState.ON_CALL);

        floor.callEnded(callId, now, effects);
        assertThat(state(dari)).isEqualTo(OperatorState.WRAP_UP);
    }

    @Test
    void nobodyOnDutyDoesNotRefuseAnOwedCallbackButAnExpiredNumberTakesItOutOfTheQueue() {
        Operator dari = signedIn("dari");
        CallIntake call = intake();
        floor.intake(call, now, effects);
        floor.callbackRequested(call.callId(), CALLBACK, now, effects);
        floor.signedOut(dari.id(), now, effects);
        floor.tick(now, effects);
        assertThat(effects).noneMatch(Effect.Refuse.class::isInstance);
        assertThat(floor.position(call.callId())).contains(1);

        floor.callbackResult(new CallbackResult(call.callId(), CALLBACK, Result.EXPIRED, 0, 0), now, effects);

        assertThat(floor.position(call.callId())).isEmpty();
    }

    @Test
    void aCallbackOwedAtARestartGoesBackAtItsOriginalTimeAndIsOfferedAsACallback() {
        CallIntake owed = new CallIntake(UUID.randomUUID().toString(), "u1", Language.DARI, Purpose.REPORT,
                Purpose.REPORT.priority(), null, "AF",
                Map.of(org.hotline.core.call.CallStep.QUEUED, now.minusSeconds(600)));
        floor.restoreCallback(owed, CALLBACK, now, effects);
        Operator dari = signedIn("dari");
        floor.intake(intake(), now, effects);
        assertThat(floor.position(owed.callId())).as("ahead of a caller who came after it").contains(1);

        floor.available(dari.id(), now, effects);
        assertThat(offers()).containsExactly(owed.callId());
        assertThat(floor.waitingCall(owed.callId()).orElseThrow().card().callback()).isTrue();
    }

    private Operator takenCallback() {
        Operator dari = signedIn("dari");
        CallIntake call = intake();
        floor.intake(call, now, effects);
        floor.callbackRequested(call.callId(), CALLBACK, now, effects);
        floor.available(dari.id(), now, effects);
        floor.accept(dari.id(), call.callId(), now, effects);
        effects.clear();
        return dari;
    }

    private Operator signedIn(String name) {
        Operator operator = new Operator(UUID.randomUUID().toString(), name, name, Role.OPERATOR,
                Set.of(Language.DARI), false, "PJSIP/" + name, true);
        floor.connected(operator, now, effects);
        return operator;
    }

    private OperatorState state(Operator operator) {
        return floor.seat(operator.id()).orElseThrow().state;
    }

    private List<String> offers() {
        return effects.stream().filter(Effect.Offer.class::isInstance).map(e -> ((Effect.Offer) e).callId())
                .toList();
    }

    private CallIntake intake() {
        return new CallIntake(UUID.randomUUID().toString(), "u" + now.toEpochMilli(), Language.DARI, Purpose.REPORT,
                Purpose.REPORT.priority(), null, "AF", Map.of());
    }
}
