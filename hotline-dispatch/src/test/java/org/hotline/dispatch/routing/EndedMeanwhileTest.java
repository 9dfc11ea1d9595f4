package org.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.CallSummary;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorState;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.Test;

/** Which restored calls routing asks the database about, and which stored ends count. Pure. */
class EndedMeanwhileTest {
    private static final Instant NOW = Instant.parse("2026-12-08T04:00:00Z");

    @Test
    void onlySeatsStillOnTheCallTheyWereRestoredOnAreChecked() {
        Seat restored = seat("a", OperatorState.ON_CALL, "c1", "c1");
        Seat onANewCall = seat("b", OperatorState.ON_CALL, "c3", "c2");
        Seat wrappingUp = seat("c", OperatorState.WRAP_UP, "c4", "c4");
        Seat neverRestored = seat("d", OperatorState.ON_CALL, "c5", null);

        assertThat(EndedMeanwhile.toCheck(List.of(restored, onANewCall, wrappingUp, neverRestored)))
                .containsExactly("c1");
    }

    @Test
    void aStoredEndCountsUnlessTheCallIsACallback() {
        assertThat(EndedMeanwhile.ended(Optional.of(call(NOW)), List.of(CallStep.QUEUED, CallStep.ENDED))).isTrue();
        assertThat(EndedMeanwhile.ended(Optional.of(call(null)), List.of(CallStep.QUEUED))).isFalse();
        assertThat(EndedMeanwhile.ended(Optional.empty(), List.of())).isFalse();
        assertThat(EndedMeanwhile.ended(Optional.of(call(NOW)),
                List.of(CallStep.QUEUED, CallStep.CALLBACK_REQUESTED, CallStep.ENDED)))
                .as("the caller's hangup after accepting a callback is not the end of the operator's call").isFalse();
    }

    private static Seat seat(String id, OperatorState state, String callId, String resumedOn) {
        Seat seat = new Seat(new Operator(id, id, id, Role.OPERATOR, Set.of(Language.DARI), false, "PJSIP/" + id,
                true), NOW);
        seat.state = state;
        seat.callId = callId;
        seat.resumedOnCall = resumedOn;
        return seat;
    }

    private static CallSummary call(Instant endedAt) {
        return new CallSummary("c1", "u1", "prs", "report", "normal", null, "AF", CallStep.ENDED, null, null,
                null, null, "ANSWER", 30, NOW.minusSeconds(300), endedAt);
    }
}
