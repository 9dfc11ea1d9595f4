package org.hotline.agi.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.core.bus.HoldUpdate;
import org.hotline.core.bus.IntakeReply;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.CallSummary;
import org.hotline.simulator.CallRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intake, hold, hand-off, voice message, "call again", fallback and the hangup handler. */
class HoldAndHandOffTest {
    /** Real prompts: a call that hears two position announcements in hold lasts about 20 s. */
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    /**
     * The voice-message paths hear the offer, the recording instructions and the thanks (about 16 s of real
     * prompts on top of connecting); those tests are about which path the caller takes, so a 300 ms stand-in per
     * prompt keeps them to a few seconds while the hand-off and hold tests above them run real prompt lengths.
     */
    private static final Duration VOICEMAIL_PATH_PROMPT = Duration.ofMillis(300);

    @TempDir
    Path dataDir;

    @Test
    void anAssignmentSetsExactlyTheHandOffVariablesAndReturns() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dataDir); FakeDispatch dispatch = ivr.dispatch()) {
            dispatch.assignEachTo("PJSIP/1001", Duration.ofMillis(200));
            CallRecord call = ivr.callKnowingTheMenus('1', '2').build().run(CALL_LIMIT);

            assertThat(call.closedByServer()).isTrue();
            String callId = call.variable("HOTLINE_CALL_ID").orElseThrow();
            assertThat(call.variables()).containsEntry("HOTLINE_TARGET", "PJSIP/1001")
                    .containsEntry("HOTLINE_NEXT", "dial")
                    .containsEntry("HOTLINE_IVR_DONE", "1")
                    .containsEntry("HOTLINE_LANGUAGE", "prs")
                    .containsEntry("AJ_AGISTATUS", "SUCCESS");
            assertThat(call.commands().stream().filter(c -> c.startsWith("SET VARIABLE \"HOTLINE_")).toList())
                    .containsExactly("SET VARIABLE \"HOTLINE_CALL_ID\" \"" + callId + "\"",
                            "SET VARIABLE \"HOTLINE_LANGUAGE\" \"prs\"",
                            "SET VARIABLE \"HOTLINE_TARGET\" \"PJSIP/1001\"",
                            "SET VARIABLE \"HOTLINE_NEXT\" \"dial\"",
                            "SET VARIABLE \"HOTLINE_IVR_DONE\" \"1\"");
            assertThat(call.prompts()).contains("hotline/connecting", "hotline/transfer");
            CallSummary stored = ivr.settled(call.uniqueId());
            assertThat(stored.callId()).isEqualTo(callId);
            assertThat(stored.operatorTarget()).isEqualTo("PJSIP/1001");
            assertThat(stored.outcome()).isNull();
            assertThat(ivr.journal().steps(callId)).containsSubsequence(CallStep.ENTERED,
                    CallStep.LANGUAGE_CHOSEN, CallStep.PURPOSE_CHOSEN, CallStep.QUEUED, CallStep.HANDED_OFF);
        }
    }

    @Test
    void theOnCallDutyPersonTakingTheCallSendsTheCallerToTheirRoomRecordedAnsweredOnCall() {
        try (IvrHarness ivr = IvrHarness.start(dataDir); FakeDispatch dispatch = ivr.dispatch()) {
            // Routing, once the duty person pressed 1 (it has already taken the call out of its queue).
            dispatch.onIntake(intake -> dispatch.send(intake.callId(), HoldUpdate.onCall()));
            CallRecord call = ivr.callKnowingTheMenus('1', '1').build().run(CALL_LIMIT);

            assertThat(call.closedByServer()).isTrue();
            String callId = call.variable("HOTLINE_CALL_ID").orElseThrow();
            assertThat(call.commands().stream().filter(c -> c.startsWith("SET VARIABLE \"HOTLINE_")).toList())
                    .containsExactly("SET VARIABLE \"HOTLINE_CALL_ID\" \"" + callId + "\"",
                            "SET VARIABLE \"HOTLINE_LANGUAGE\" \"prs\"",
                            "SET VARIABLE \"HOTLINE_NEXT\" \"oncall\"",
                            "SET VARIABLE \"HOTLINE_IVR_DONE\" \"1\"");
            assertThat(call.prompts()).containsSubsequence("hotline/connecting", "hotline/transfer");
            CallSummary stored = ivr.settled(call.uniqueId());
            assertThat(stored.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(stored.outcomeStep()).isEqualTo(CallStep.ON_CALL);
            assertThat(ivr.journal().steps(callId)).containsSubsequence(CallStep.QUEUED, CallStep.ON_CALL);
            assertThat(dispatch.lefts()).as("routing took it out of the queue itself").isEmpty();
        }
    }

    @Test
    void theHangupHandlerRecordsAnAnsweredCall() {
        try (IvrHarness ivr = IvrHarness.start(dataDir); FakeDispatch dispatch = ivr.dispatch()) {
            dispatch.assignEachTo("PJSIP/1002", Duration.ZERO);
            CallRecord call = ivr.callKnowingTheMenus('3', '3').build().run(CALL_LIMIT);
            String callId = call.variable("HOTLINE_CALL_ID").orElseThrow();

            CallRecord end = ivr.hangupHandler(call.uniqueId()).variable("HOTLINE_CALL_ID", callId)
                    .variable("DIALSTATUS", "ANSWER").variable("HOTLINE_END_ANSWERED_MS", "1760000000000")
                    .variable("HOTLINE_END_ENDED_MS", "1760000042000").build().run(CALL_LIMIT);

            assertThat(end.closedByServer()).isTrue();
            CallSummary stored = ivr.journal().find(callId).orElseThrow();
            assertThat(stored.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(stored.talkSeconds()).isEqualTo(42);
            assertThat(stored.dialStatus()).isEqualTo("ANSWER");
            assertThat(stored.endedAt()).isNotNull();
            assertThat(ivr.journal().steps(callId)).endsWith(CallStep.ANSWERED, CallStep.ENDED);
            await().untilAsserted(() -> assertThat(dispatch.ends()).anyMatch(e -> e.callId().equals(callId)
                    && e.talkSeconds() == 42));
        }
    }

    @Test
    void anUnansweredOperatorMeansTheFallbackQueue() {
        try (IvrHarness ivr = IvrHarness.start(dataDir); FakeDispatch dispatch = ivr.dispatch()) {
            dispatch.assignEachTo("PJSIP/1003", Duration.ZERO);
            CallRecord call = ivr.callKnowingTheMenus('1', '4').build().run(CALL_LIMIT);
            String callId = call.variable("HOTLINE_CALL_ID").orElseThrow();

            ivr.hangupHandler(call.uniqueId()).variable("HOTLINE_CALL_ID", callId)
                    .variable("DIALSTATUS", "NOANSWER").build().run(CALL_LIMIT);

            assertThat(ivr.journal().find(callId).orElseThrow().outcome()).isEqualTo(CallOutcome.FALLBACK);
        }
    }

    @Test
    void holdAnnouncesThePositionInTheCallersLanguage() {
        try (IvrHarness ivr = IvrHarness.start(dataDir, Map.of("ivr.hold.position-interval", "300ms"));
             FakeDispatch dispatch = ivr.dispatch()) {
            dispatch.replyWith(IntakeReply.queuedAt(3));
            // Dispatch follows the caller's progress, not a clock: real prompts (connecting alone is ~5 s) would
            // make any fixed delay land before or after the hold it means. The assignment comes during the last
            // piece of the second announcement: one that came earlier would cut the announcement short.
            AtomicBoolean secondAnnouncement = new AtomicBoolean();
            CallRecord call = ivr.callKnowingTheMenus('5', '2').onCommand(command -> {
                if (command.contains("hotline/num-3")) {
                    dispatch.send(dispatch.intakes().getFirst().callId(), HoldUpdate.position(2));
                } else if (command.contains("hotline/num-2")) {
                    secondAnnouncement.set(true);
                } else if (command.contains("hotline/position-after") && secondAnnouncement.get()) {
                    dispatch.send(dispatch.intakes().getFirst().callId(), FakeDispatch.assignment("PJSIP/1004"));
                }
            }).build().run(CALL_LIMIT);

            assertThat(call.commands()).anyMatch(c -> c.startsWith("SET MUSIC ON"));
            assertThat(call.prompts()).containsSubsequence("hotline/hold", "hotline/position-before",
                    "hotline/num-3", "hotline/position-after", "hotline/hold", "hotline/position-before",
                    "hotline/num-2", "hotline/position-after");
            assertThat(call.variable("CHANNEL(language)")).contains("uz");
            assertThat(call.variable("HOTLINE_TARGET")).contains("PJSIP/1004");
        }
    }

    @Test
    void aLongQueueIsAnnouncedWithoutANumber() {
        try (IvrHarness ivr = IvrHarness.start(dataDir, Map.of("ivr.hold.position-interval", "200ms"));
             FakeDispatch dispatch = ivr.dispatch()) {
            dispatch.replyWith(IntakeReply.queuedAt(57));
            CallRecord call = ivr.callKnowingTheMenus('1', '2').onCommand(command -> {
                if (command.contains("hotline/position-many")) {
                    dispatch.send(dispatch.intakes().getFirst().callId(), FakeDispatch.assignment("PJSIP/1001"));
                }
            }).build().run(CALL_LIMIT);

            assertThat(call.prompts()).contains("hotline/position-many").noneMatch(p -> p.contains("num-57"));
        }
    }

    @Test
    void aCallerInHoldCanLeaveAVoiceMessage() {
        try (IvrHarness ivr = IvrHarness.start(dataDir, Map.of("ivr.hold.voicemail-after", "300ms"));
             FakeDispatch dispatch = ivr.dispatch()) {
            CallRecord call = ivr.callKnowingTheMenus('1', '3').playbackTime(VOICEMAIL_PATH_PROMPT)
                    .pressAfterPrompt("hotline/voicemail-offer", '9').build().run(CALL_LIMIT);

            String callId = call.variable("HOTLINE_CALL_ID").orElseThrow();
            assertThat(call.commands()).anyMatch(c -> c.startsWith(
                    "RECORD FILE \"/var/spool/asterisk/hotline-voicemail/" + callId + "\" \"wav\" \"#\""));
            assertThat(call.prompts()).containsSubsequence("hotline/voicemail-offer", "hotline/voicemail-record",
                    "hotline/voicemail-thanks");
            assertThat(call.variables()).containsEntry("HOTLINE_NEXT", "hangup").containsEntry("HOTLINE_IVR_DONE", "1")
                    .doesNotContainKey("HOTLINE_TARGET");
            CallSummary stored = ivr.settled(call.uniqueId());
            assertThat(stored.outcome()).isEqualTo(CallOutcome.VOICEMAIL);
            assertThat(stored.voicemailRef()).isEqualTo(callId + ".wav");
            await().untilAsserted(() -> assertThat(dispatch.lefts()).anyMatch(l -> l.callId().equals(callId)
                    && l.outcome() == CallOutcome.VOICEMAIL));
        }
    }

    @Test
    void nobodyOnDutyLeadsToAVoiceMessageNeverSilence() {
        try (IvrHarness ivr = IvrHarness.start(dataDir); FakeDispatch dispatch = ivr.dispatch()) {
            dispatch.replyWith(IntakeReply.refused(IntakeReply.NO_OPERATORS));
            CallRecord call = ivr.callKnowingTheMenus('2', '2').playbackTime(VOICEMAIL_PATH_PROMPT)
                    .build().run(CALL_LIMIT);

            assertThat(call.prompts()).containsSubsequence("hotline/closed", "hotline/voicemail-record");
            assertThat(call.variables()).containsEntry("HOTLINE_NEXT", "hangup").containsEntry("HOTLINE_IVR_DONE", "1");
            assertThat(ivr.settled(call.uniqueId()).outcome()).isEqualTo(CallOutcome.VOICEMAIL);
        }
    }

    @Test
    void withoutVoiceMessagesTheClosedCallerIsAskedToCallAgain() {
        try (IvrHarness ivr = IvrHarness.start(dataDir, Map.of("ivr.voicemail.enabled", "false"));
             FakeDispatch dispatch = ivr.dispatch()) {
            dispatch.replyWith(IntakeReply.refused(IntakeReply.CLOSED));
            CallRecord call = ivr.callKnowingTheMenus('6', '4').build().run(CALL_LIMIT);

            assertThat(call.prompts()).containsSubsequence("hotline/closed", "hotline/call-again");
            assertThat(call.commands()).noneMatch(c -> c.startsWith("RECORD FILE"));
            assertThat(call.variables()).containsEntry("HOTLINE_NEXT", "hangup").containsEntry("HOTLINE_IVR_DONE", "1");
            CallSummary stored = ivr.settled(call.uniqueId());
            assertThat(stored.outcome()).isEqualTo(CallOutcome.CLOSED);
            assertThat(stored.outcomeStep()).isEqualTo(CallStep.PURPOSE_CHOSEN);
        }
    }

    @Test
    void theHoldLimitOffersTheVoiceMessagePath() {
        try (IvrHarness ivr = IvrHarness.start(dataDir, Map.of("ivr.hold.max", "400ms"));
             FakeDispatch dispatch = ivr.dispatch()) {
            CallRecord call = ivr.callKnowingTheMenus('1', '2').playbackTime(VOICEMAIL_PATH_PROMPT)
                    .build().run(CALL_LIMIT);

            assertThat(call.prompts()).contains("hotline/voicemail-record");
            assertThat(ivr.settled(call.uniqueId()).outcome()).isEqualTo(CallOutcome.VOICEMAIL);
        }
    }

    @Test
    void withNoDispatchConsumerTheCallerGoesToTheFallbackQueue() {
        try (IvrHarness ivr = IvrHarness.start(dataDir)) {
            CallRecord call = ivr.callKnowingTheMenus('1', '1').build().run(CALL_LIMIT);

            assertThat(call.closedByServer()).isTrue();
            assertThat(call.variables()).doesNotContainKeys("HOTLINE_IVR_DONE", "HOTLINE_TARGET");
            CallSummary stored = ivr.settled(call.uniqueId());
            assertThat(stored.outcome()).isEqualTo(CallOutcome.FALLBACK);
            assertThat(stored.outcomeStep()).isEqualTo(CallStep.PURPOSE_CHOSEN);
        }
    }

    @Test
    void anUnusableDialStringIsRefusedAndTheCallFallsBack() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dataDir); FakeDispatch dispatch = ivr.dispatch()) {
            dispatch.assignEachTo("PJSIP/1001&DAHDI/1", Duration.ZERO);
            CallRecord call = ivr.callKnowingTheMenus('1', '2').build().run(CALL_LIMIT);

            assertThat(call.variables()).doesNotContainKeys("HOTLINE_IVR_DONE", "HOTLINE_TARGET");
            assertThat(ivr.settled(call.uniqueId()).outcome()).isEqualTo(CallOutcome.FALLBACK);
        }
    }

    @Test
    void aCallerWhoHangsUpInHoldLeavesTheQueueAtOnce() {
        try (IvrHarness ivr = IvrHarness.start(dataDir); FakeDispatch dispatch = ivr.dispatch()) {
            CallRecord call = ivr.callKnowingTheMenus('1', '2').hangupAfter(Duration.ofMillis(1500))
                    .build().run(CALL_LIMIT);

            CallSummary stored = ivr.settled(call.uniqueId());
            assertThat(stored.outcome()).isEqualTo(CallOutcome.ABANDONED_IN_QUEUE);
            assertThat(stored.outcomeStep()).isEqualTo(CallStep.QUEUED);
            await().untilAsserted(() -> assertThat(dispatch.lefts()).anyMatch(l -> l.callId().equals(stored.callId())
                    && l.outcome() == CallOutcome.ABANDONED_IN_QUEUE));
        }
    }

    @Test
    void anAssignmentThatArrivesAfterTheCallerLeftIsDeclined() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dataDir); FakeDispatch dispatch = ivr.dispatch()) {
            CallRecord call = ivr.callKnowingTheMenus('1', '2').hangupAfter(Duration.ofMillis(800))
                    .build().run(CALL_LIMIT);
            String callId = ivr.settled(call.uniqueId()).callId();

            // Either the call's inbox is gone (no handler) or the IVR answers "not taken": never a hand-off.
            try {
                assertThat(dispatch.assign(callId, "PJSIP/1001").taken()).isFalse();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(io.vertx.core.eventbus.ReplyException.class)
                        .extracting(c -> ((io.vertx.core.eventbus.ReplyException) c).failureType())
                        .isEqualTo(io.vertx.core.eventbus.ReplyFailure.NO_HANDLERS);
            }
            assertThat(ivr.journal().find(callId).orElseThrow().operatorTarget()).isNull();
        }
    }
}
