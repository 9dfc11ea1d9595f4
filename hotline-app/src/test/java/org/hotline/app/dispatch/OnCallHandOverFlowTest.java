package org.hotline.app.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.ESCALATIONS;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.callcontrol.DutyPerson;
import org.hotline.callcontrol.EscalationStore;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.core.bus.EscalationStatus;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.CallSummary;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.hotline.simulator.ami.FakeAmi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, after the 1, on the real hotline: the IVR's callers over FastAGI (fake Asterisk), routing, call control
 * against the fake AMI, H2. An emergency nobody can take is escalated, the duty person presses 1, and the held
 * caller is sent into the room they wait in, recorded as answered by the on-call person; a caller who hangs up
 * first ends the escalation as caller-gone and is recorded abandoned; an emergency voice message is played to
 * the duty person who presses 1.
 */
class OnCallHandOverFlowTest {
    private static final String SECRET = "5a1f0c9e3b7d2e8a";
    private static final String DUTY_PHONE = "+93700111001";
    private static final String DUTY_CHANNEL = "PJSIP/" + DUTY_PHONE + "@telecom";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final java.util.concurrent.Executor CALLERS = java.util.concurrent.Executors
            .newVirtualThreadPerTaskExecutor();

    @TempDir
    Path dataDir;
    @TempDir
    Path secrets;
    FakeAmi ami;
    Hotline hotline;
    final List<EscalationStatus> shown = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        ami = FakeAmi.start("hotline", SECRET);
        Path secretFile = Files.writeString(secrets.resolve("ami.secret"), SECRET + "\n");
        hotline = TestHotline.start(dataDir, Map.ofEntries(Map.entry("ivr.hold.poll", "50ms"),
                Map.entry("dispatch.offer-timeout", "30s"), Map.entry("escalation.after", "2s"),
                Map.entry("ami.host", "127.0.0.1"), Map.entry("ami.port", Integer.toString(ami.port())),
                Map.entry("ami.secret-file", secretFile.toString()), Map.entry("ami.action-timeout", "5s"),
                Map.entry("ami.ring-timeout", "60s"), Map.entry("ami.ping-interval", "1s"),
                Map.entry("escalation.dial", "PJSIP/{number}@telecom"),
                Map.entry("escalation.ack-timeout", "120s")));
        new EscalationStore(hotline.database().dsl()).replaceDutyList(List.of(
                new DutyPerson(UUID.randomUUID().toString(), "Aziz", DUTY_PHONE)));
        hotline.vertx().eventBus().<JsonObject>consumer(BusAddresses.ESCALATIONS,
                m -> shown.add(EscalationStatus.fromJson(m.body()))).completion().toCompletionStage()
                .toCompletableFuture().join();
    }

    @AfterEach
    void stop() {
        hotline.close();
        ami.close();
    }

    @Test
    void anEmergencyNobodyCanTakeIsBroughtToTheDutyPersonWhoPressesOne() {
        // On duty, but nobody speaks Urdu: the emergency waits, and escalates after escalation.after.
        try (OperatorClient screen = onFloor("dari", Language.DARI, "PJSIP/1001")) {
            CompletableFuture<CallRecord> call = place(FakeCall.builder("127.0.0.1", hotline.agiPort())
                    .pressDuringMenus('6', '1'));
            String leg = pagedLeg();
            String callId = shown.getFirst().callId();

            ami.press(leg, '1');

            CallRecord record = call.join();
            assertThat(record.variables()).containsEntry("HOTLINE_NEXT", "oncall").containsEntry("HOTLINE_IVR_DONE",
                    "1");
            assertThat(record.variable("HOTLINE_CALL_ID")).contains(callId);
            assertThat(record.prompts().getLast()).isEqualTo("hotline/transfer");
            assertThat(ami.members("hotline-" + callId)).containsExactly(leg);
            await().atMost(WAIT).untilAsserted(() -> {
                CallSummary summary = journal().find(callId).orElseThrow();
                assertThat(summary.outcome()).isEqualTo(CallOutcome.ANSWERED);
                assertThat(summary.outcomeStep()).isEqualTo(CallStep.ON_CALL);
            });
            assertThat(journal().steps(callId)).contains(CallStep.QUEUED, CallStep.ON_CALL);
            assertThat(screen.of("offer")).isEmpty();

            // The dialplan puts the caller in the room: the duty person now has them.
            ami.joinAsCaller("+93799123456", callId);
            await().atMost(WAIT).until(() -> ami.members("hotline-" + callId).size() == 2);
            assertThat(escalationState(callId)).contains("acknowledged");
        }
    }

    @Test
    void aCallerWhoHangsUpBeforeAnyonePressesOneEndsTheEscalationAndIsRecordedAbandoned() {
        try (OperatorClient screen = onFloor("dari", Language.DARI, "PJSIP/1001")) {
            CompletableFuture<Boolean> paged = new CompletableFuture<>();
            CompletableFuture<CallRecord> call = place(FakeCall.builder("127.0.0.1", hotline.agiPort())
                    .pressDuringMenus('6', '1')
                    .hangupWhen(command -> {
                        if (ami.channelOf(DUTY_CHANNEL).isPresent()) {
                            paged.complete(true);
                        }
                        return paged.isDone();
                    }));
            String leg = pagedLeg();
            String callId = shown.getFirst().callId();

            assertThat(call.join().callerHungUp()).isTrue();

            await().atMost(WAIT).until(() -> escalationState(callId).filter("caller-gone"::equals).isPresent());
            await().atMost(WAIT).until(() -> ami.location(leg).isEmpty());
            await().atMost(WAIT).untilAsserted(() -> {
                CallSummary summary = journal().find(callId).orElseThrow();
                assertThat(summary.outcome()).isEqualTo(CallOutcome.ABANDONED_IN_QUEUE);
                assertThat(summary.outcomeStep()).isEqualTo(CallStep.QUEUED);
            });
            assertThat(shown).noneMatch(s -> s.state().equals("acknowledged"));
        }
    }

    @Test
    void anEmergencyVoiceMessageIsPlayedToTheDutyPersonWhoPressesOne() {
        // Nobody on duty: the closed path, and the caller in danger leaves a message.
        CallRecord record = place(FakeCall.builder("127.0.0.1", hotline.agiPort()).pressDuringMenus('1', '1'))
                .join();
        assertThat(record.variables()).containsEntry("HOTLINE_NEXT", "hangup");
        String callId = record.variable("HOTLINE_CALL_ID").orElseThrow();
        String leg = pagedLeg();
        assertThat(shown.getFirst().kind()).isEqualTo(EscalationNeeded.Kind.EMERGENCY_VOICEMAIL);
        assertThat(ami.variable(leg, "HOTLINE_MESSAGE")).contains(callId);

        ami.press(leg, '1');

        await().atMost(WAIT).until(() -> escalationState(callId).filter("acknowledged"::equals).isPresent());
        assertThat(ami.played(leg)).containsExactly("/var/spool/asterisk/hotline-voicemail/" + callId);
        assertThat(journal().find(callId).orElseThrow().voicemailRef()).isEqualTo(callId + ".wav");
    }

    /** The duty phone's leg once it is up and paged. */
    private String pagedLeg() {
        await().atMost(WAIT).until(() -> ami.channelOf(DUTY_CHANNEL).flatMap(ami::location)
                .filter("hotline-oncall,page"::equals).isPresent());
        return ami.channelOf(DUTY_CHANNEL).orElseThrow();
    }

    private Optional<String> escalationState(String callId) {
        return Optional.ofNullable(hotline.database().dsl().select(ESCALATIONS.STATE).from(ESCALATIONS)
                .where(ESCALATIONS.CALL_ID.eq(callId)).fetchOne(ESCALATIONS.STATE));
    }

    private JooqCallJournal journal() {
        return new JooqCallJournal(hotline.database().dsl());
    }

    private OperatorClient onFloor(String username, Language language, String endpoint) {
        var operator = OperatorClient.newOperator(new JooqOperatorDirectory(hotline.database().dsl()), username,
                language, endpoint);
        return OperatorClient.onFloor(hotline.vertx(), operator.id());
    }

    private static CompletableFuture<CallRecord> place(FakeCall.Builder call) {
        return CompletableFuture.supplyAsync(() -> call.build().run(CALL_LIMIT), CALLERS);
    }
}
