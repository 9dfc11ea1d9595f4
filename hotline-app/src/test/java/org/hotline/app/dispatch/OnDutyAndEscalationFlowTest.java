package org.hotline.app.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.CALLS;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.core.bus.OperatorAction.Action;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.Operator;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 on the real hotline (FastAGI IVR over TCP with fake-Asterisk callers, routing, H2): an operator whose
 * screen is gone longer than the grace no longer counts as on duty, a caller in danger on the closed path is
 * escalated, an emergency waiting too long is escalated once, and an emergency offer is declined only with a
 * reason. Escalations are read off the real event bus, where the on-call paging consumes them.
 */
class OnDutyAndEscalationFlowTest {
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private static final java.util.concurrent.Executor CALLERS = java.util.concurrent.Executors
            .newVirtualThreadPerTaskExecutor();

    @TempDir
    Path dataDir;
    Hotline hotline;
    JooqOperatorDirectory directory;
    final List<EscalationNeeded> escalations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        hotline = TestHotline.start(dataDir, Map.of("ivr.hold.poll", "50ms", "dispatch.offer-timeout", "30s",
                "dispatch.reconnect-grace", GRACE.toSeconds() + "s", "escalation.after", "2s"));
        directory = new JooqOperatorDirectory(hotline.database().dsl());
        hotline.vertx().eventBus().<JsonObject>consumer(BusAddresses.ESCALATION_NEEDED,
                m -> escalations.add(EscalationNeeded.fromJson(m.body()))).completion().toCompletionStage()
                .toCompletableFuture().join();
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    /** The reported bug: no browser connected at all, and twelve callers held for up to ten minutes. */
    @Test
    void withNoScreenConnectedTwelveCallersReachTheClosedPathAtOnceAndTheOneInDangerIsEscalated() throws Exception {
        Operator left = operator("left", Language.DARI, "PJSIP/1001");
        try (OperatorClient screen = onFloor(left)) {
            screen.disconnect(); // the browser closed without signing out
            // Time itself is the condition here: once the grace has passed, nobody is on duty.
            Thread.sleep(GRACE.plusSeconds(1).toMillis());

            List<CompletableFuture<CallRecord>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                char purpose = i == 0 ? '1' : '2';
                calls.add(place(FakeCall.builder("127.0.0.1", hotline.agiPort()).callerId("+9370000010" + i % 10)
                        .pressDuringMenus((char) ('1' + i % 6), purpose)));
            }
            for (CompletableFuture<CallRecord> call : calls) {
                CallRecord record = call.join();
                assertThat(record.prompts()).contains("hotline/closed").doesNotContain("hotline/connecting");
                assertThat(record.variables()).containsEntry("HOTLINE_NEXT", "hangup");
            }
            await().until(() -> !escalations.isEmpty());
            assertThat(escalations).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EscalationNeeded.Kind.EMERGENCY_VOICEMAIL);
                assertThat(e.language()).isEqualTo("prs");
            });
        }
    }

    @Test
    void aCallerHoldingWhenTheLastScreenPassesTheGraceIsSentToTheClosedPath() {
        Operator away = operator("away", Language.PASHTO, "PJSIP/1002");
        try (OperatorClient screen = onFloor(away)) {
            screen.press(Action.AWAY, null);
            await().until(() -> "away".equals(screen.lastState()));
            // The caller is holding first, then the screen goes: no race between the menus and the grace.
            CompletableFuture<CallRecord> call = place(FakeCall.builder("127.0.0.1", hotline.agiPort())
                    .pressDuringMenus('2', '2'));
            await().atMost(CALL_LIMIT).until(() -> hotline.database().dsl()
                    .fetchExists(CALLS, CALLS.QUEUED_AT.isNotNull()));
            screen.disconnect();

            CallRecord record = call.join();

            assertThat(record.prompts()).as("held within the grace (a reload), then the closed path")
                    .containsSubsequence("hotline/connecting", "hotline/closed");
            assertThat(record.variables()).containsEntry("HOTLINE_NEXT", "hangup");
        }
    }

    @Test
    void aScreenBackWithinTheGraceKeepsTheCallerHoldingForThem() {
        Operator reloads = operator("reloads", Language.TAJIK, "PJSIP/1003");
        try (OperatorClient screen = onFloor(reloads)) {
            screen.disconnect();
            CompletableFuture<CallRecord> call = place(FakeCall.builder("127.0.0.1", hotline.agiPort())
                    .pressDuringMenus('3', '2'));
            try (OperatorClient back = new OperatorClient(hotline.vertx(), reloads.id())) {
                await().until(() -> !back.of("offer").isEmpty());
                back.press(Action.ACCEPT, back.of("offer").getFirst().getString("callId"));
                assertThat(call.join().variable("HOTLINE_TARGET")).contains("PJSIP/1003");
            }
        }
    }

    @Test
    void anEmergencyNobodyCanTakeIsEscalatedOnceAfterTheSetWait() {
        Operator dari = operator("dari", Language.DARI, "PJSIP/1001");
        try (OperatorClient screen = onFloor(dari)) {
            CompletableFuture<CallRecord> call = place(FakeCall.builder("127.0.0.1", hotline.agiPort())
                    .pressDuringMenus('6', '1').hangupAfter(Duration.ofSeconds(12)));

            await().atMost(Duration.ofSeconds(30)).until(() -> !escalations.isEmpty());
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> escalations.size() == 1);
            assertThat(escalations.getFirst().kind()).isEqualTo(EscalationNeeded.Kind.WAITING_EMERGENCY);
            assertThat(escalations.getFirst().language()).isEqualTo("ur");
            assertThat(screen.of("offer")).isEmpty();
            call.join();
        }
    }

    @Test
    void anEmergencyOfferIsDeclinedOnlyWithAReasonThenMovesOnAtOnceAndIsEscalated() {
        Operator first = operator("first", Language.DARI, "PJSIP/1001");
        try (OperatorClient firstScreen = onFloor(first)) {
            Operator second = operator("second", Language.DARI, "PJSIP/1011");
            try (OperatorClient secondScreen = onFloor(second)) {
                CompletableFuture<CallRecord> call = place(FakeCall.builder("127.0.0.1", hotline.agiPort())
                        .pressDuringMenus('1', '1'));
                await().until(() -> !firstScreen.of("offer").isEmpty());
                String callId = firstScreen.of("offer").getFirst().getString("callId");

                firstScreen.decline(callId, null);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                        .until(() -> firstScreen.of("offer-withdrawn").isEmpty());

                firstScreen.decline(callId, "unwell");
                await().until(() -> !secondScreen.of("offer").isEmpty());
                assertThat(firstScreen.of("status").getLast().getString("reason")).isEqualTo("declined:unwell");
                await().until(() -> !escalations.isEmpty());
                assertThat(escalations.getFirst().kind()).isEqualTo(EscalationNeeded.Kind.DECLINED_EMERGENCY);
                assertThat(escalations.getFirst().callId()).isEqualTo(callId);

                secondScreen.press(Action.ACCEPT, callId);
                assertThat(call.join().variable("HOTLINE_TARGET")).contains("PJSIP/1011");
            }
        }
    }

    private Operator operator(String username, Language language, String endpoint) {
        return OperatorClient.newOperator(directory, username, language, endpoint);
    }

    private OperatorClient onFloor(Operator operator) {
        return OperatorClient.onFloor(hotline.vertx(), operator.id());
    }

    /** Each call on a thread of its own, so twelve callers really call at once (not one after another). */
    private static CompletableFuture<CallRecord> place(FakeCall.Builder call) {
        return CompletableFuture.supplyAsync(() -> call.build().run(CALL_LIMIT), CALLERS);
    }
}
