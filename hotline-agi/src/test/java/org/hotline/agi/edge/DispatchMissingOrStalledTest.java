package org.hotline.agi.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.agi.IvrHarness;
import org.hotline.agi.dialplan.DialplanWalker;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.simulator.CallRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event bus's consumer of intakes missing (dispatch not deployed) or stalled (it takes the message and never
 * answers), RELIABILITY row 6: the IVR gets {@code NO_HANDLERS} or {@code TIMEOUT}, logs one clear line, and the
 * caller leaves the IVR within the intake timeout with "IVR done" unset, which the dialplan sends to the fallback
 * queue of all operators: a human.
 */
class DispatchMissingOrStalledTest {
    private static final Duration INTAKE_TIMEOUT = Duration.ofSeconds(1);
    /** Room for the menus and a loaded machine; far below the hold a caller would otherwise get. */
    private static final Duration SLACK = Duration.ofSeconds(10);
    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void withNoConsumerTheCallerReachesTheFallbackQueueAndOneLineSaysWhy() {
        try (IvrHarness ivr = IvrHarness.start(dataDir); LogCapture logs = LogCapture.start()) {
            int mark = logs.mark();
            CallRecord call = ivr.callKnowingTheMenus('1', '2').build().run(CALL_LIMIT);

            reachesTheFallbackQueue(ivr, call);
            assertThat(logs.hotlineWarningsSince(mark)).singleElement().asString()
                    .contains("Dispatch did not take the intake (NO_HANDLERS); the caller goes to the fallback queue");
        }
    }

    @Test
    void aConsumerThatNeverAnswersSendsTheCallerToTheFallbackWithinTheIntakeTimeout() {
        try (IvrHarness ivr = IvrHarness.start(dataDir); LogCapture logs = LogCapture.start()) {
            List<JsonObject> unanswered = new CopyOnWriteArrayList<>();
            MessageConsumer<JsonObject> stalled = ivr.vertx().eventBus().consumer(BusAddresses.INTAKE,
                    message -> unanswered.add(message.body()));
            stalled.completion().toCompletionStage().toCompletableFuture().join();
            int mark = logs.mark();

            CallRecord call = ivr.callKnowingTheMenus('1', '2').build().run(CALL_LIMIT);

            assertThat(unanswered).as("the stalled consumer got the intake").hasSize(1);
            reachesTheFallbackQueue(ivr, call);
            assertThat(call.duration()).isLessThan(INTAKE_TIMEOUT.plus(SLACK));
            assertThat(logs.hotlineWarningsSince(mark)).singleElement().asString()
                    .contains("Dispatch did not take the intake (TIMEOUT); the caller goes to the fallback queue");
        }
    }

    private static void reachesTheFallbackQueue(IvrHarness ivr, CallRecord call) {
        assertThat(call.closedByServer()).isTrue();
        assertThat(call.variables()).doesNotContainKeys("HOTLINE_IVR_DONE", "HOTLINE_TARGET");
        assertThat(DialplanWalker.load().walk(DialplanWalker.afterServerClosed(call.variables())))
                .isEqualTo(DialplanWalker.Outcome.FALLBACK_QUEUE);
        var stored = ivr.settled(call.uniqueId());
        assertThat(stored.outcome()).isEqualTo(CallOutcome.FALLBACK);
        assertThat(stored.outcomeStep()).isEqualTo(CallStep.PURPOSE_CHOSEN);
    }
}
