package org.hotline.app.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.OPERATOR_STATES;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.OperatorAction.Action;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.call.Language;
import org.hotline.core.call.NewCall;
import org.hotline.core.call.Purpose;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.NewOperator;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.Role;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's accept is never lost while the caller is on the line, whenever it comes: the real IVR, routing,
 * bus and database, with a fake Asterisk whose prompts take real time. Each prompt lasts {@link #PROMPT}, and the
 * chain of the position announcement (four pieces) far outlasts the old 5 s hand-off wait; the operator accepts
 * the moment Asterisk starts the prompt named. Every accepted call must reach the accepting operator's phone while
 * their screen goes straight from the offer to the call, never through "available".
 */
class AcceptWhilePromptsPlayTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(90);
    /** What one prompt piece takes: real ones are 2-7 s. */
    private static final Duration PROMPT = Duration.ofMillis(2500);
    /** The backstop: well above one prompt, below the announcement's chain of four. */
    private static final String HAND_OFF_TIMEOUT = "10s";
    /** So the IVR may take an assignment for 6 s after the accept. */
    private static final String HAND_OFF_MARGIN = "4s";
    private static final String ENDPOINT = "PJSIP/1001";

    @TempDir
    Path dataDir;
    Hotline hotline;

    @AfterEach
    void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void anAcceptDuringConnectingIsTakenRightAfterItAndADoubleClickIsNoRefusal() {
        start(Map.of());
        acceptAtStartOf("STREAM FILE \"hotline/connecting\"", 2);
    }

    @Test
    void anAcceptDuringThePositionAnnouncementIsTakenAfterThePieceThatPlays() {
        start(Map.of("ivr.hold.position-interval", "1s"));
        CallRecord call = acceptAtStartOf("STREAM FILE \"hotline/hold\"");
        assertThat(call.prompts().subList(call.prompts().indexOf("hotline/hold"), call.prompts().size()))
                .containsExactly("hotline/hold", "hotline/transfer");
    }

    @Test
    void anAcceptDuringMusicOnHoldIsTakenAtTheNextPoll() {
        start(Map.of());
        acceptAtStartOf("WAIT FOR DIGIT");
    }

    @Test
    void anAcceptDuringTheVoiceMessageOfferIsTakenRightAfterIt() {
        start(Map.of("ivr.hold.voicemail-after", "1s"));
        CallRecord call = acceptAtStartOf("STREAM FILE \"hotline/voicemail-offer\"");
        assertThat(call.prompts().subList(call.prompts().indexOf("hotline/voicemail-offer"), call.prompts().size()))
                .containsExactly("hotline/voicemail-offer", "hotline/transfer");
    }

    @Test
    void aCallerWhoHangsUpWhileTheOperatorIsConnectingGivesTheOperatorBack() {
        start(Map.of());
        Operator operator = operator();
        try (OperatorClient screen = onFloor(operator)) {
            String connecting = "STREAM FILE \"hotline/connecting\"";
            CallRecord call = caller().atStartOf(connecting, () -> {
                accept(screen);
                await().atMost(Duration.ofSeconds(10)).until(() -> !screen.of("connecting").isEmpty());
            }).hangupWhen(line -> line.startsWith(connecting)).build().run(CALL_LIMIT);

            assertThat(call.callerHungUp()).isTrue();
            await().until(() -> !screen.of("offer-withdrawn").isEmpty());
            assertThat(screen.of("offer-withdrawn").getLast().getString("reason")).isEqualTo("caller-left");
            await().until(() -> states(operator).size() == 4);
            assertThat(states(operator)).containsExactly("away", "available", "offered", "available");
            assertThat(lastReason(operator)).isEqualTo("caller-left");
            String callId = screen.of("offer").getFirst().getString("callId");
            await().untilAsserted(() -> assertThat(journal().find(callId).orElseThrow().outcome())
                    .isEqualTo(CallOutcome.ABANDONED_IN_QUEUE));
            assertThat(assignedOperator(callId)).isNull();
        }
    }

    @Test
    void anIvrThatNeverAnswersLosesTheHandOffAtTheBackstop() throws Exception {
        start(Map.of());
        Operator operator = operator();
        // An IVR that queued its call and then went silent (its node died): it never answers the assignment.
        String callId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        journal().enter(new NewCall(callId, "dead.1", "1098", null, "AF", now));
        MessageConsumer<JsonObject> deadIvr = hotline.vertx().eventBus().consumer(BusAddresses.ivrCall(callId),
                message -> { });
        deadIvr.completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        try (OperatorClient screen = onFloor(operator)) {
            hotline.vertx().eventBus().send(BusAddresses.INTAKE, new CallIntake(callId, "dead.1", Language.DARI,
                    Purpose.REPORT, Purpose.REPORT.priority(), null, "AF", Map.of(CallStep.QUEUED, now)).toJson());
            await().until(() -> !screen.of("offer").isEmpty());
            Instant accepted = Instant.now();
            screen.press(Action.ACCEPT, callId);

            await().atMost(Duration.ofSeconds(30)).until(() -> !screen.of("offer-withdrawn").isEmpty());
            assertThat(Duration.between(accepted, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(9));
            assertThat(screen.of("offer-withdrawn").getFirst().getString("reason")).isEqualTo("hand-off-lost");
            await().until(() -> states(operator).size() >= 4);
            assertThat(states(operator)).startsWith("away", "available", "offered", "available")
                    .doesNotContain("on-call");
            assertThat(assignedOperator(callId)).isNull();
        } finally {
            deadIvr.unregister();
        }
    }

    @Test
    void anAssignmentReadAfterItsDeadlineIsDeclinedAndTheCallIsOfferedAgain() {
        start(Map.of());
        Operator operator = operator();
        try (OperatorClient screen = onFloor(operator)) {
            // "connecting" outlasts the IVR's 6 s to take the assignment, not dispatch's 10 s backstop.
            CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> caller()
                    .playbackTime(Duration.ofSeconds(8))
                    .atStartOf("STREAM FILE \"hotline/connecting\"", () -> accept(screen))
                    .build().run(CALL_LIMIT));

            await().atMost(Duration.ofSeconds(30)).until(() -> screen.of("offer").size() == 2);
            assertThat(screen.of("offer-withdrawn")).extracting(m -> m.getString("reason"))
                    .containsExactly("too-late");
            String callId = screen.of("offer").getLast().getString("callId");
            assertThat(callId).isEqualTo(screen.of("offer").getFirst().getString("callId"));
            screen.press(Action.ACCEPT, callId);

            CallRecord record = call.join();
            assertThat(record.variables()).containsEntry("HOTLINE_TARGET", ENDPOINT)
                    .containsEntry("HOTLINE_NEXT", "dial");
            await().until(() -> "on-call".equals(screen.lastState()));
            await().until(() -> states(operator).size() == 6);
            assertThat(states(operator)).containsExactly("away", "available", "offered", "available", "offered",
                    "on-call");
            await().until(() -> operator.id().equals(assignedOperator(callId)));
        }
    }

    /**
     * Places a call, accepts its offer the moment Asterisk starts the command starting with {@code command}, and
     * checks the caller reached this operator, who went straight from the offer to the call.
     */
    private CallRecord acceptAtStartOf(String command) {
        return acceptAtStartOf(command, 1);
    }

    /** {@link #acceptAtStartOf(String)}, pressing Accept {@code presses} times in a row. */
    private CallRecord acceptAtStartOf(String command, int presses) {
        Operator operator = operator();
        try (OperatorClient screen = onFloor(operator)) {
            CallRecord call = caller().atStartOf(command, () -> {
                for (int i = 0; i < presses; i++) {
                    accept(screen);
                }
            }).build().run(CALL_LIMIT);

            assertThat(call.variables()).containsEntry("HOTLINE_TARGET", ENDPOINT)
                    .containsEntry("HOTLINE_NEXT", "dial").containsEntry("HOTLINE_IVR_DONE", "1");
            await().until(() -> "on-call".equals(screen.lastState()));
            await().until(() -> !screen.of("active-call").isEmpty());
            assertThat(screen.of("connecting")).hasSize(1);
            assertThat(screen.of("offer-withdrawn")).isEmpty();
            assertThat(screen.of("status")).extracting(m -> m.getString("state"))
                    .containsExactly("away", "available", "offered", "on-call");
            await().until(() -> states(operator).size() == 4);
            assertThat(states(operator)).containsExactly("away", "available", "offered", "on-call");
            String callId = screen.of("offer").getFirst().getString("callId");
            await().until(() -> operator.id().equals(assignedOperator(callId)));
            return call;
        }
    }

    private void start(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of("ivr.hold.poll", "500ms", "ivr.hold.reaffirm", "1s",
                "dispatch.offer-timeout", "60s", "dispatch.hand-off-timeout", HAND_OFF_TIMEOUT,
                "dispatch.hand-off-margin", HAND_OFF_MARGIN));
        settings.putAll(overrides);
        hotline = TestHotline.start(dataDir, settings);
    }

    /** A Dari caller who barges in on both menus, so the prompts of the queue are where the time goes. */
    private FakeCall.Builder caller() {
        return FakeCall.builder("127.0.0.1", hotline.agiPort()).playbackTime(PROMPT)
                .pressDuring("hotline/welcome", '1').pressDuring("hotline/purpose", '2');
    }

    /** The operator presses Accept on the offer on their screen (waiting for it to show, if need be). */
    private static void accept(OperatorClient screen) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !screen.of("offer").isEmpty());
        screen.press(Action.ACCEPT, screen.of("offer").getLast().getString("callId"));
    }

    private Operator operator() {
        return new JooqOperatorDirectory(hotline.database().dsl()).add(new NewOperator("dari", "dari", Role.OPERATOR,
                Set.of(Language.DARI), false, ENDPOINT), "$argon2id$unused");
    }

    private OperatorClient onFloor(Operator operator) {
        return OperatorClient.onFloor(hotline.vertx(), operator.id());
    }

    /** The operator's recorded states, oldest first. */
    private List<String> states(Operator operator) {
        return hotline.database().dsl().select(OPERATOR_STATES.STATE).from(OPERATOR_STATES)
                .where(OPERATOR_STATES.OPERATOR_ID.eq(operator.id())).orderBy(OPERATOR_STATES.ID)
                .fetch(OPERATOR_STATES.STATE);
    }

    private String lastReason(Operator operator) {
        return hotline.database().dsl().select(OPERATOR_STATES.REASON).from(OPERATOR_STATES)
                .where(OPERATOR_STATES.OPERATOR_ID.eq(operator.id())).orderBy(OPERATOR_STATES.ID.desc()).limit(1)
                .fetchOne(OPERATOR_STATES.REASON);
    }

    private String assignedOperator(String callId) {
        return hotline.database().dsl().select(CALLS.OPERATOR_ID).from(CALLS).where(CALLS.ID.eq(callId))
                .fetchOne(CALLS.OPERATOR_ID);
    }

    private JooqCallJournal journal() {
        return new JooqCallJournal(hotline.database().dsl());
    }
}
