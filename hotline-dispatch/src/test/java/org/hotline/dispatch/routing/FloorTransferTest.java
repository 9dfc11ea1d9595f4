package org.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.bus.HandOffReply.Answer.TAKEN;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.call.Language;
import org.hotline.core.call.Purpose;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorState;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.Test;

/** What a completed warm transfer does to the two operators' seats, as pure decisions. */
class FloorTransferTest {
    private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration WRAP_UP = Duration.ofMinutes(2);

    private final Floor floor = new Floor(OFFER_TIMEOUT, Duration.ofSeconds(60), WRAP_UP, Duration.ofHours(1),
            new HandOffWindow(Duration.ofSeconds(30), Duration.ofSeconds(5)));
    private final List<Effect> effects = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-08T08:00:00Z");

    @Test
    void theColleagueIsOnTheCallAndItsEndBringsThemToWrapUpWhileTheFirstOperatorIsAwayUntilReady() {
        Operator first = available("first");
        Operator colleague = signedIn("colleague");
        CallIntake call = onCall(first);
        effects.clear();

        floor.ownerChanged(call.callId(), first.id(), colleague.id(), now, effects);

        assertThat(effects).containsExactly(
                new Effect.State(first.id(), OperatorState.AWAY, null, Floor.TRANSFERRED),
                new Effect.State(colleague.id(), OperatorState.ON_CALL, call.callId(), Floor.TRANSFER_TAKEN),
                new Effect.TakenOver(colleague.id(), call.callId()));

        effects.clear();
        floor.callEnded(call.callId(), now.plusSeconds(60), effects);
        assertThat(state(colleague)).isEqualTo(OperatorState.WRAP_UP);
        assertThat(state(first)).isEqualTo(OperatorState.AWAY);
        floor.tipSaved(colleague.id(), call.callId(), now.plusSeconds(90), effects);
        assertThat(state(colleague)).as("the call's tip is the colleague's now").isEqualTo(OperatorState.AVAILABLE);
    }

    @Test
    void anOfferOpenOnTheColleaguesScreenIsWithdrawnAndOfferedToSomeoneElse() {
        Operator first = available("first");
        CallIntake call = onCall(first);
        Operator colleague = available("colleague");
        CallIntake waiting = intake();
        floor.intake(waiting, now, effects);
        assertThat(state(colleague)).isEqualTo(OperatorState.OFFERED);
        Operator other = available("other");
        effects.clear();

        floor.ownerChanged(call.callId(), first.id(), colleague.id(), now, effects);

        assertThat(effects).contains(new Effect.Withdraw(colleague.id(), waiting.callId(), Floor.TRANSFER_TAKEN));
        assertThat(state(colleague)).isEqualTo(OperatorState.ON_CALL);
        assertThat(effects).filteredOn(Effect.Offer.class::isInstance).map(Effect.Offer.class::cast)
                .extracting(Effect.Offer::operatorId, Effect.Offer::callId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(other.id(), waiting.callId()));
    }

    @Test
    void aLateOrRepeatedChangeMovesNobodyBack() {
        Operator first = available("first");
        Operator colleague = signedIn("colleague");
        CallIntake call = onCall(first);
        floor.ownerChanged(call.callId(), first.id(), colleague.id(), now, effects);
        floor.callEnded(call.callId(), now, effects);
        floor.available(first.id(), now, effects);
        effects.clear();

        floor.ownerChanged(call.callId(), first.id(), colleague.id(), now, effects);

        assertThat(state(first)).isEqualTo(OperatorState.AVAILABLE);
        assertThat(effects).noneMatch(e -> e instanceof Effect.State s && s.operatorId().equals(first.id()));
    }

    private CallIntake onCall(Operator operator) {
        CallIntake call = intake();
        floor.intake(call, now, effects);
        floor.accept(operator.id(), call.callId(), now, effects);
        floor.handedOff(operator.id(), call.callId(), TAKEN, now, effects);
        assertThat(state(operator)).isEqualTo(OperatorState.ON_CALL);
        return call;
    }

    private Operator signedIn(String name) {
        Operator operator = new Operator(UUID.randomUUID().toString(), name, name, Role.OPERATOR,
                Set.of(Language.DARI), false, "PJSIP/" + name, true);
        floor.connected(operator, now, effects);
        return operator;
    }

    private Operator available(String name) {
        Operator operator = signedIn(name);
        floor.available(operator.id(), now, effects);
        return operator;
    }

    private OperatorState state(Operator operator) {
        return floor.seat(operator.id()).orElseThrow().state;
    }

    private CallIntake intake() {
        now = now.plusMillis(1);
        return new CallIntake(UUID.randomUUID().toString(), "u" + now.toEpochMilli(), Language.DARI, Purpose.REPORT,
                Purpose.REPORT.priority(), null, "AF", Map.of());
    }
}
