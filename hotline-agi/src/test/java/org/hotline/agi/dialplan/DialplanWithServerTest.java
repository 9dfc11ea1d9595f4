package org.hotline.agi.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.agi.IvrProcess;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.CpuHog;
import org.hotline.simulator.FakeCall;
import org.hotline.simulator.FakeCallException;
import org.hotline.simulator.FakeCallTimeoutException;
import org.hotline.core.call.CallSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialplan's three branches, fed with what a real server left on a fake Asterisk channel: the server
 * answering normally, the server stopped, and the server killed after the language menu. Every one leads to a
 * human.
 */
class DialplanWithServerTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);

    private final DialplanWalker walker = DialplanWalker.load();

    @TempDir
    Path dataDir;

    @Test
    void aServerAnsweringNormallyLeadsToTheOperator() {
        try (IvrHarness ivr = IvrHarness.start(dataDir); FakeDispatch dispatch = ivr.dispatch()) {
            dispatch.assignEachTo("PJSIP/1001", Duration.ZERO);
            CallRecord call = ivr.callKnowingTheMenus('1', '2').build().run(CALL_LIMIT);

            assertThat(walker.walk(DialplanWalker.afterServerClosed(call.variables())))
                    .isEqualTo(DialplanWalker.Outcome.dial("PJSIP/1001"));
        }
    }

    @Test
    void aServerThatFinishedWithAVoiceMessageLeadsToHangupAfterItsWords() {
        try (IvrHarness ivr = IvrHarness.start(dataDir, Map.of("ivr.hold.max", "200ms"));
             FakeDispatch dispatch = ivr.dispatch()) {
            CallRecord call = ivr.callKnowingTheMenus('1', '2').build().run(CALL_LIMIT);

            assertThat(walker.walk(DialplanWalker.afterServerClosed(call.variables())))
                    .isEqualTo(DialplanWalker.Outcome.HANGUP_AFTER_SCRIPT);
        }
    }

    @Test
    void aStoppedServerLeadsToTheFallbackQueue() throws Exception {
        int nothingListens;
        try (ServerSocket probe = new ServerSocket(0)) {
            nothingListens = probe.getLocalPort();
        }
        assertThatThrownBy(() -> FakeCall.builder("127.0.0.1", nothingListens).press('1').build().run(CALL_LIMIT))
                .isInstanceOf(FakeCallException.class);

        // Asterisk's AGI() fails at once with AGISTATUS=FAILURE when nothing listens.
        assertThat(walker.walk(Map.of("AGISTATUS", "FAILURE"))).isEqualTo(DialplanWalker.Outcome.FALLBACK_QUEUE);
    }

    /**
     * With every core busy (the hog in this JVM competes with the IVR's process), the language the caller chose is
     * stored before the purpose menu plays: the step log, not a database write racing a timer, makes it durable.
     */
    @Test
    void aServerKilledAfterTheLanguageMenuLeadsToTheFallbackAndTheCallIsClosedAtRestart() throws Exception {
        int port = IvrProcess.freePort();
        Process server = IvrProcess.start(dataDir, port, "20s");
        CallRecord killed;
        try (CpuHog hog = CpuHog.perCore()) {
            CountDownLatch inPurposeMenu = new CountDownLatch(1);
            CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall.builder("127.0.0.1", port)
                    // Real prompts: the caller picks Urdu early in the welcome, so the kill lands in the purpose prompt.
                    .pressDuring("hotline/welcome", '6', Duration.ofMillis(300))
                    .hangupWhen(command -> {
                        if (command.contains("hotline/purpose")) {
                            inPurposeMenu.countDown();
                        }
                        return false;
                    })
                    .build().run(CALL_LIMIT));
            assertThat(inPurposeMenu.await(30, TimeUnit.SECONDS)).isTrue();

            server.destroyForcibly(); // SIGKILL, mid-call
            killed = call.get(30, TimeUnit.SECONDS);
        }

        assertThat(killed.variables()).containsKey("CHANNEL(language)").doesNotContainKey("HOTLINE_IVR_DONE");
        assertThat(walker.walk(DialplanWalker.afterServerClosed(killed.variables())))
                .isEqualTo(DialplanWalker.Outcome.FALLBACK_QUEUE);

        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Process restarted = IvrProcess.start(dataDir, port, "20s");
        restarted.destroy();
        assertThat(restarted.waitFor(20, TimeUnit.SECONDS)).isTrue();
        try (Database database = Database.open(StorageConfig.from(Settings.defaultSettings().with(
                Map.of("data.dir", dataDir.toString()))))) {
            var stored = new JooqCallJournal(database.dsl()).findByAsteriskId(killed.uniqueId()).orElseThrow();
            assertThat(stored.outcome()).isEqualTo(CallOutcome.FAILED);
            assertThat(stored.outcomeStep()).isEqualTo(CallStep.LANGUAGE_CHOSEN);
            assertThat(stored.language()).isEqualTo("ur");
        }
    }

    @Test
    void theReportedTalkTimeIsTheBridgeEvenAfterALongIvrAndHold() {
        try (IvrHarness ivr = IvrHarness.start(dataDir); FakeDispatch dispatch = ivr.dispatch()) {
            dispatch.assignEachTo("PJSIP/1001", Duration.ZERO);
            CallRecord call = ivr.callKnowingTheMenus('1', '2').build().run(CALL_LIMIT);
            String callId = call.variable("HOTLINE_CALL_ID").orElseThrow();

            DialplanWalker.Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                    .afterScript(DialplanWalker.afterServerClosed(call.variables()))
                    .ivrTakes(Duration.ofSeconds(107))
                    .operatorAnswers(Duration.ofSeconds(5), Duration.ofMillis(42_600))
                    .thenHangUp()
                    .endServer(realServer(ivr.port(), CALL_LIMIT))
                    .run();

            assertThat(walk.outcome()).isEqualTo(DialplanWalker.Outcome.dial("PJSIP/1001"));
            // Dial's ANSWEREDTIME (which counted the IVR and hold) is not even set: with G() Dial never bridges.
            assertThat(walk.handlers().getFirst().steps().getFirst().channel())
                    .as("what Dial's ANSWEREDTIME says").doesNotContainKey("ANSWEREDTIME");
            CallSummary stored = ivr.journal().find(callId).orElseThrow();
            assertThat(stored.talkSeconds()).as("operator answer to hang-up, 42.6 s").isEqualTo(43);
            assertThat(stored.dialStatus()).isEqualTo("ANSWER");
            assertThat(stored.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(stored.asteriskUniqueId()).isEqualTo(call.uniqueId());
        }
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersHoldsNoChannel() throws Exception {
        try (ServerSocket hung = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(hung.accept()); // and never a word
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            Duration probe = Duration.ofSeconds(3);
            assertThatThrownBy(() -> FakeCall.builder("127.0.0.1", hung.getLocalPort()).press('1').build().run(probe))
                    .isInstanceOf(FakeCallTimeoutException.class);

            DialplanWalker.Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                    .scriptHangs(Map.of())
                    .thenHangUp()
                    .endServer(realServer(hung.getLocalPort(), probe))
                    .run();

            assertThat(walk.outcome()).as("the caller reaches a human").isEqualTo(DialplanWalker.Outcome.FALLBACK_QUEUE);
            DialplanWalker.Walk handler = walk.handlers().getFirst();
            assertThat(handler.end()).isEqualTo(DialplanWalker.End.RETURNED);
            assertThat(handler.millis()).as("the caller's channel is released at once").isZero();
            DialplanWalker.Walk report = handler.originated().getFirst();
            DialplanWalker.AgiRun end = report.agiRuns().getFirst();
            assertThat(end.interruptedBy()).as("the server never answered; a bound cut it off")
                    .isEqualTo("TIMEOUT(absolute)");
            assertThat(end.millis()).isEqualTo(
                    Long.parseLong(walker.dialplan().globals().get("HOTLINE_END_MAX_SECONDS")) * 1000);
            assertThat(accepted).as("the report really connected to the hung server").hasSizeGreaterThanOrEqualTo(2);
            hung.close();
            acceptor.join(10_000);
            for (java.net.Socket socket : accepted) {
                socket.close();
            }
        }
    }

    /**
     * Runs each AGI other than the IVR as a fake Asterisk would, with the channel's variables, against the
     * server at {@code port}; a server that says nothing within {@code patience} counts as never answering (the
     * walker then applies the dialplan's bound, whatever the wall clock did).
     */
    private static DialplanWalker.AgiServer realServer(int port, Duration patience) {
        return (script, channel, uniqueId, vars) -> {
            FakeCall.Builder builder = FakeCall.builder("127.0.0.1", port).script(script).uniqueId(uniqueId)
                    .channel(channel);
            vars.forEach((name, value) -> {
                if (name.matches("[A-Z_]+")) {
                    builder.variable(name, value);
                }
            });
            try {
                builder.build().run(patience);
                return Map.of("AGISTATUS", "SUCCESS");
            } catch (FakeCallTimeoutException e) {
                return null;
            }
        };
    }
}
