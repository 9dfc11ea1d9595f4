package org.hotline.agi.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import org.hotline.simulator.FakeCall;
import org.hotline.simulator.FakeCallException;
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

    @Test
    void aServerKilledAfterTheLanguageMenuLeadsToTheFallbackAndTheCallIsClosedAtRestart() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process server = startServer(port);
        CountDownLatch inPurposeMenu = new CountDownLatch(1);
        CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall.builder("127.0.0.1", port)
                // Real prompts: the caller picks Urdu early in the welcome, so the kill lands in the purpose prompt.
                .pressDuring("hotline/welcome", '6', Duration.ofMillis(300))
                .hangupWhen(command -> {
                    if (command.startsWith("WAIT FOR DIGIT") && inPurposeMenu.getCount() == 0) {
                        return false;
                    }
                    if (command.contains("hotline/purpose")) {
                        inPurposeMenu.countDown();
                    }
                    return false;
                })
                .build().run(CALL_LIMIT));
        assertThat(inPurposeMenu.await(20, TimeUnit.SECONDS)).isTrue();

        server.destroyForcibly(); // SIGKILL, mid-call
        CallRecord killed = call.get(20, TimeUnit.SECONDS);

        assertThat(killed.variables()).containsKey("CHANNEL(language)").doesNotContainKey("HOTLINE_IVR_DONE");
        assertThat(walker.walk(DialplanWalker.afterServerClosed(killed.variables())))
                .isEqualTo(DialplanWalker.Outcome.FALLBACK_QUEUE);

        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Process restarted = startServer(port);
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

    /** Starts the IVR in its own JVM and waits until it listens. */
    private Process startServer(int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IvrProcess.class.getName(), dataDir.toString(), String.valueOf(port), "20s")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("listening ")) {
                Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { }));
                return process;
            }
        }
        throw new AssertionError("the IVR process ended before listening");
    }
}
