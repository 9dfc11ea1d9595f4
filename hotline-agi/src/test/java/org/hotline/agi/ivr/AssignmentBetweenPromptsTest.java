package org.hotline.agi.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.core.bus.HandOffReply;
import org.hotline.core.bus.HoldUpdate;
import org.hotline.core.bus.IntakeReply;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IVR hears an assignment between any two prompt pieces, and never takes one dispatch has given up on. Prompts
 * take real time here (the fake Asterisk plays each for {@link #PROMPT}), and the assignment is sent the moment
 * Asterisk starts a given prompt.
 */
class AssignmentBetweenPromptsTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private static final Duration PROMPT = Duration.ofMillis(1500);

    @TempDir
    Path dataDir;

    @Test
    void anAssignmentDuringThePositionAnnouncementSkipsTheRestOfIt() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dataDir, Map.of("ivr.hold.position-interval", "100ms"));
             FakeDispatch dispatch = ivr.dispatch()) {
            dispatch.replyWith(IntakeReply.queuedAt(3));
            CompletableFuture<HandOffReply> answer = new CompletableFuture<>();
            CallRecord call = caller(ivr).atStartOf("STREAM FILE \"hotline/hold\"", () ->
                            ask(dispatch, FakeDispatch.assignment("PJSIP/1001"), answer))
                    .build().run(CALL_LIMIT);

            assertThat(answer.get().answer()).isEqualTo(HandOffReply.Answer.TAKEN);
            assertThat(call.variable("HOTLINE_TARGET")).contains("PJSIP/1001");
            // Heard after "hold", the first piece: the rest of the announcement is skipped.
            assertThat(call.prompts().subList(call.prompts().indexOf("hotline/hold"), call.prompts().size()))
                    .containsExactly("hotline/hold", "hotline/transfer");
        }
    }

    @Test
    void anAssignmentDuringTheVoiceMessageOfferIsTakenRightAfterIt() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dataDir, Map.of("ivr.hold.voicemail-after", "100ms",
                "ivr.hold.position-interval", "100ms"));
             FakeDispatch dispatch = ivr.dispatch()) {
            CompletableFuture<HandOffReply> answer = new CompletableFuture<>();
            CallRecord call = caller(ivr).atStartOf("STREAM FILE \"hotline/voicemail-offer\"", () ->
                            ask(dispatch, FakeDispatch.assignment("PJSIP/1002"), answer))
                    .build().run(CALL_LIMIT);

            assertThat(answer.get().answer()).isEqualTo(HandOffReply.Answer.TAKEN);
            assertThat(call.prompts().subList(call.prompts().indexOf("hotline/voicemail-offer"),
                    call.prompts().size())).containsExactly("hotline/voicemail-offer", "hotline/transfer");
        }
    }

    @Test
    void anAssignmentReadAfterItsDeadlineIsDeclinedAndTheCallerKeepsHolding() throws Exception {
        try (IvrHarness ivr = IvrHarness.start(dataDir); FakeDispatch dispatch = ivr.dispatch()) {
            CompletableFuture<HandOffReply> late = new CompletableFuture<>();
            // Dispatch gives up on this one while "connecting" still plays.
            CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> caller(ivr)
                    .atStartOf("STREAM FILE \"hotline/connecting\"", () -> ask(dispatch,
                            HoldUpdate.assigned("PJSIP/1003", System.currentTimeMillis() + 200), late))
                    .build().run(CALL_LIMIT));

            assertThat(late.get().answer()).isEqualTo(HandOffReply.Answer.TOO_LATE);
            await().until(() -> !dispatch.intakes().isEmpty());
            String callId = dispatch.intakes().getFirst().callId();
            assertThat(dispatch.assign(callId, "PJSIP/1004").answer()).isEqualTo(HandOffReply.Answer.TAKEN);

            CallRecord record = call.join();
            assertThat(record.variables()).containsEntry("HOTLINE_TARGET", "PJSIP/1004")
                    .containsEntry("HOTLINE_NEXT", "dial");
            assertThat(ivr.settled(record.uniqueId()).operatorTarget()).isEqualTo("PJSIP/1004");
            assertThat(dispatch.lefts()).isEmpty();
        }
    }

    /** A Dari caller who barges in at once on both menus, so only the prompts after them take long. */
    private static FakeCall.Builder caller(IvrHarness ivr) {
        return ivr.call().playbackTime(PROMPT).pressDuring("hotline/welcome", '1')
                .pressDuring("hotline/purpose", '2');
    }

    private static void ask(FakeDispatch dispatch, HoldUpdate assignment, CompletableFuture<HandOffReply> answer) {
        String callId = dispatch.intakes().getFirst().callId();
        // Its own thread: the common pool may have a single thread, busy running the call itself.
        Thread.ofVirtual().start(() -> {
            try {
                answer.complete(dispatch.assign(callId, assignment));
            } catch (Exception e) {
                answer.completeExceptionally(e);
            }
        });
    }
}
