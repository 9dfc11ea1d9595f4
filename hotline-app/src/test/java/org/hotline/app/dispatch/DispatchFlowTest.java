package org.hotline.app.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.bus.OperatorAction.Action;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.JooqCallJournal;
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
 * The real hotline (IVR, routing, database) with fake-Asterisk callers and simulated operators on the event bus:
 * the routing rules as a caller and an operator live them.
 */
class DispatchFlowTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    Hotline hotline;
    JooqOperatorDirectory directory;

    @BeforeEach
    void start() {
        hotline = TestHotline.start(dataDir, Map.of("ivr.hold.poll", "50ms", "dispatch.offer-timeout", "2s"));
        directory = new JooqOperatorDirectory(hotline.database().dsl());
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    @Test
    void aCallIsOfferedToTheOperatorWhoSpeaksItsLanguageAndHandedToTheirPhone() {
        Operator dari = operator("dari", Language.DARI, "PJSIP/1001");
        Operator urdu = operator("urdu", Language.URDU, "PJSIP/1006");
        try (OperatorClient dariScreen = onFloor(dari); OperatorClient urduScreen = onFloor(urdu)) {
            CompletableFuture<CallRecord> call = place(FakeCall.builder("127.0.0.1", hotline.agiPort())
                    .callerId("+93700000001").pressDuringMenus('6', '2'));

            await().until(() -> !urduScreen.of("offer").isEmpty());
            String callId = urduScreen.of("offer").getFirst().getString("callId");
            assertThat(dariScreen.of("offer")).isEmpty();
            urduScreen.press(Action.ACCEPT, callId);

            CallRecord record = call.join();
            assertThat(record.variables()).containsEntry("HOTLINE_TARGET", "PJSIP/1006")
                    .containsEntry("HOTLINE_IVR_DONE", "1");
            await().until(() -> "on-call".equals(urduScreen.lastState()));
            await().until(() -> !urduScreen.of("active-call").isEmpty());
            assertThat(urduScreen.of("active-call").getFirst().getString("language")).isEqualTo("ur");
            assertThat(urduScreen.received.toString()).doesNotContain("700000001");

            FakeCall.builder("127.0.0.1", hotline.agiPort()).script("hotline-end").uniqueId(record.uniqueId())
                    .variable("HOTLINE_CALL_ID", callId).variable("DIALSTATUS", "ANSWER")
                    .variable("HOTLINE_END_ANSWERED_MS", "1760000000000")
                    .variable("HOTLINE_END_ENDED_MS", "1760000030000").build().run(CALL_LIMIT);
            await().until(() -> "wrap-up".equals(urduScreen.lastState()));
            var journal = new JooqCallJournal(hotline.database().dsl());
            assertThat(journal.find(callId).orElseThrow().outcome()).isEqualTo(CallOutcome.ANSWERED);
        }
    }

    @Test
    void anUnansweredOfferGoesToTheNextOperatorAndTheFirstGoesAway() {
        Operator slow = operator("slow", Language.TAJIK, "PJSIP/1003");
        try (OperatorClient slowScreen = onFloor(slow)) {
            Operator quick = operator("quick", Language.TAJIK, "PJSIP/1013");
            try (OperatorClient quickScreen = onFloor(quick)) {
                CompletableFuture<CallRecord> call = place(FakeCall.builder("127.0.0.1", hotline.agiPort())
                        .pressDuringMenus('3', '3'));

                await().atMost(Duration.ofSeconds(10)).until(() -> !quickScreen.of("offer").isEmpty());
                assertThat(slowScreen.of("offer-withdrawn")).isNotEmpty();
                assertThat(slowScreen.lastState()).isEqualTo("away");
                quickScreen.press(Action.ACCEPT, quickScreen.of("offer").getFirst().getString("callId"));

                assertThat(call.join().variable("HOTLINE_TARGET")).contains("PJSIP/1013");
            }
        }
    }

    @Test
    void aCallerWhoHangsUpDuringAnOfferIsWithdrawnFromTheScreen() {
        Operator operator = operator("op", Language.PASHTO, "PJSIP/1002");
        try (OperatorClient screen = onFloor(operator)) {
            CompletableFuture<CallRecord> call = place(FakeCall.builder("127.0.0.1", hotline.agiPort())
                    .pressDuringMenus('2', '2').hangupAfter(Duration.ofMillis(1500)));

            await().until(() -> !screen.of("offer").isEmpty());
            call.join();

            await().until(() -> !screen.of("offer-withdrawn").isEmpty());
            assertThat(screen.of("offer-withdrawn").getFirst().getString("reason")).isEqualTo("caller-left");
            await().until(() -> "available".equals(screen.lastState()));
        }
    }

    @Test
    void aClosedBrowserLosesItsOfferToAnotherOperatorWithinSeconds() {
        Operator closing = operator("closing", Language.UZBEK, "PJSIP/1005");
        try (OperatorClient closingScreen = onFloor(closing)) {
            Operator other = operator("other", Language.UZBEK, "PJSIP/1015");
            try (OperatorClient otherScreen = onFloor(other)) {
                CompletableFuture<CallRecord> call = place(FakeCall.builder("127.0.0.1", hotline.agiPort())
                        .pressDuringMenus('5', '4'));
                await().until(() -> !closingScreen.of("offer").isEmpty());

                closingScreen.disconnect();

                await().atMost(Duration.ofSeconds(3)).until(() -> !otherScreen.of("offer").isEmpty());
                otherScreen.press(Action.ACCEPT, otherScreen.of("offer").getFirst().getString("callId"));
                assertThat(call.join().variable("HOTLINE_TARGET")).contains("PJSIP/1015");
            }
        }
    }

    @Test
    void withNobodyOnDutyTheCallerGetsTheVoiceMessagePath() {
        CallRecord call = FakeCall.builder("127.0.0.1", hotline.agiPort()).pressDuringMenus('1', '2').build()
                .run(CALL_LIMIT);

        assertThat(call.prompts()).contains("hotline/closed");
        assertThat(call.variables()).containsEntry("HOTLINE_NEXT", "hangup").containsEntry("HOTLINE_IVR_DONE", "1");
    }

    private Operator operator(String username, Language language, String endpoint) {
        return OperatorClient.newOperator(directory, username, language, endpoint);
    }

    private OperatorClient onFloor(Operator operator) {
        return OperatorClient.onFloor(hotline.vertx(), operator.id());
    }

    private static CompletableFuture<CallRecord> place(FakeCall.Builder call) {
        return CompletableFuture.supplyAsync(() -> call.build().run(CALL_LIMIT));
    }
}
