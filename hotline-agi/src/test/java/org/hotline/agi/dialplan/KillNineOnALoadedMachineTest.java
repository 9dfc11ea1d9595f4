package org.hotline.agi.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.agi.IvrProcess;
import org.hotline.core.call.CallJournal;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.CallSummary;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.call.Language;
import org.hotline.core.call.Purpose;
import org.hotline.core.config.Settings;
import org.hotline.core.steplog.StepLog;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.CpuHog;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 4: {@code kill -9} of the IVR's process while every core is busy. Callers choose a language and a
 * purpose, some the danger key; the process is killed while some of them hear the emergency prompt. After the
 * restart, whatever a caller had moved past is stored: every call given a {@code HOTLINE_CALL_ID} has its row,
 * every caller who heard the purpose menu has the language they chose, every caller who heard the emergency prompt
 * has the danger purpose and emergency priority, and every call the kill cut off is closed as failed at the step
 * it had reached.
 */
class KillNineOnALoadedMachineTest {
    private static final int CALLS = 24;
    private static final int HEARING_THE_EMERGENCY_PROMPT_AT_THE_KILL = 3;

    @TempDir
    Path dataDir;

    @Test
    void everyStepACallerMovedPastIsStoredAfterAKillOnABusyMachine() throws Exception {
        int port = IvrProcess.freePort();
        Process server = IvrProcess.start(dataDir, port, "20s");
        AtomicInteger emergencyPrompts = new AtomicInteger();
        List<CompletableFuture<CallRecord>> placed = new ArrayList<>();
        List<Character> languageKeys = new ArrayList<>();
        List<Character> purposeKeys = new ArrayList<>();
        try (CpuHog hog = CpuHog.perCore()) {
            for (int i = 0; i < CALLS; i++) {
                char language = (char) ('1' + i % 6);
                char purpose = i % 3 == 2 ? '2' : '1';
                languageKeys.add(language);
                purposeKeys.add(purpose);
                FakeCall call = FakeCall.builder("127.0.0.1", port)
                        .press(language).press(purpose)
                        // Long playbacks, so the kill finds callers in the middle of each prompt.
                        .playbackTime(Duration.ofMillis(400 + 100L * (i % 5)))
                        .hangupWhen(command -> {
                            if (command.contains("hotline/emergency")) {
                                emergencyPrompts.incrementAndGet();
                            }
                            return false;
                        })
                        .build();
                placed.add(CompletableFuture.supplyAsync(() -> call.run(Duration.ofSeconds(60))));
                Thread.sleep(40); // a steady stream of calls, not one burst
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> emergencyPrompts.get() >= HEARING_THE_EMERGENCY_PROMPT_AT_THE_KILL);
            server.destroyForcibly(); // SIGKILL
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        List<CallRecord> calls = new ArrayList<>();
        for (CompletableFuture<CallRecord> call : placed) {
            calls.add(call.get(60, TimeUnit.SECONDS));
        }

        Process restarted = IvrProcess.start(dataDir, port, "20s");
        restarted.destroy();
        assertThat(restarted.waitFor(30, TimeUnit.SECONDS)).isTrue();

        int cutOffAfterTheEmergencyPrompt = 0;
        try (Database database = Database.open(StorageConfig.from(Settings.defaultSettings().with(
                Map.of("data.dir", dataDir.toString()))))) {
            CallJournal journal = new JooqCallJournal(database.dsl());
            for (int i = 0; i < calls.size(); i++) {
                CallRecord call = calls.get(i);
                var stored = journal.findByAsteriskId(call.uniqueId());
                if (call.variables().containsKey("HOTLINE_CALL_ID")) {
                    assertThat(stored).as("the row of %s, which was given a call id", call).isPresent();
                }
                if (stored.isEmpty()) {
                    continue;
                }
                CallSummary summary = stored.get();
                assertThat(summary.outcome()).as("%s has an outcome after the restart", call).isNotNull();
                if (heard(call, "hotline/purpose")) {
                    assertThat(summary.language()).as("the language of %s", call)
                            .isEqualTo(Language.byKey(languageKeys.get(i)).orElseThrow().code());
                }
                boolean emergency = heard(call, "hotline/emergency");
                if (emergency) {
                    assertThat(summary.purpose()).as("the purpose of %s", call).isEqualTo(Purpose.DANGER.code());
                    assertThat(summary.priority()).as("the priority of %s", call).isEqualTo("emergency");
                }
                if (summary.outcome() == CallOutcome.FAILED) {
                    CallStep reached = emergency ? CallStep.PURPOSE_CHOSEN
                            : heard(call, "hotline/purpose") ? CallStep.LANGUAGE_CHOSEN : CallStep.ENTERED;
                    assertThat(summary.outcomeStep()).as("the step %s was closed at", call)
                            .isGreaterThanOrEqualTo(reached);
                    if (emergency) {
                        cutOffAfterTheEmergencyPrompt++;
                    }
                }
            }
        }
        assertThat(cutOffAfterTheEmergencyPrompt).as("danger callers the kill cut off after the emergency prompt")
                .isPositive();
        try (var left = Files.list(StepLog.directoryIn(dataDir))) {
            assertThat(left.toList()).as("step-log segments after a clean stop").isEmpty();
        }
    }

    private static boolean heard(CallRecord call, String prompt) {
        return call.commands().stream().anyMatch(command -> command.contains(prompt));
    }
}
