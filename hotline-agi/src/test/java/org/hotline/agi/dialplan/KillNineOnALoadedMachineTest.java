package org.hotline.agi.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
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
import org.hotline.simulator.FakeCallException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 4: {@code kill -9} of the IVR's process while every core is busy and calls keep arriving. Callers
 * choose a language and a purpose, most of them the danger key; the process is killed while some of them hear the
 * emergency prompt. After the restart, whatever a caller had moved past is stored: every call given a
 * {@code HOTLINE_CALL_ID} has its row, every caller who heard the purpose menu has the language they chose, every
 * caller who heard the emergency prompt has the danger purpose and emergency priority, and every call the kill cut
 * off is closed as failed at the step it had reached. Once with a healthy database, once with a stalled one (no
 * write reaches it before the kill): the step log alone must carry the calls across.
 */
class KillNineOnALoadedMachineTest {
    private static final int ENOUGH_CALLS = 12;
    private static final int MOST_CALLS = 200;
    private static final int HEARING_THE_EMERGENCY_PROMPT_AT_THE_KILL = 3;

    @TempDir
    Path dataDir;

    private record Placed(char language, char purpose, CompletableFuture<CallRecord> call) {
    }

    @Test
    void everyStepACallerMovedPastIsStoredAfterAKillOnABusyMachine() throws Exception {
        killMidTrafficAndCheck();
    }

    @Test
    void evenWithTheDatabaseStalledTheStepLogCarriesEveryCallAcrossTheKill() throws Exception {
        killMidTrafficAndCheck(IvrProcess.STALL_DATABASE);
    }

    private void killMidTrafficAndCheck(String... options) throws Exception {
        int port = IvrProcess.freePort();
        Process server = IvrProcess.start(dataDir, port, "20s", options);
        List<Placed> placed = new ArrayList<>();
        try (CpuHog hog = CpuHog.perCore(); var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            AtomicInteger emergencyPrompts = new AtomicInteger();
            // A steady stream of callers (about 20 a second) until enough of them hear the emergency prompt; the
            // kill then comes while calls are still arriving and others are in every menu.
            while (placed.size() < MOST_CALLS && (placed.size() < ENOUGH_CALLS
                    || emergencyPrompts.get() < HEARING_THE_EMERGENCY_PROMPT_AT_THE_KILL)) {
                int i = placed.size();
                char language = (char) ('1' + i % 6);
                char purpose = i % 4 == 3 ? '2' : '1';
                FakeCall call = FakeCall.builder("127.0.0.1", port)
                        .press(language).press(purpose)
                        // Long playbacks, so the kill finds callers in the middle of each prompt.
                        .playbackTime(Duration.ofMillis(1000 + 100L * (i % 5)))
                        .hangupWhen(command -> {
                            if (command.contains("hotline/emergency")) {
                                emergencyPrompts.incrementAndGet();
                            }
                            return false;
                        })
                        .build();
                placed.add(new Placed(language, purpose, CompletableFuture.supplyAsync(() -> {
                    try {
                        return call.run(Duration.ofSeconds(60));
                    } catch (FakeCallException refused) {
                        return null; // dialled just as the server died: Asterisk's AGI() fails, no call id
                    }
                }, callers)));
                Thread.sleep(50);
            }
            assertThat(emergencyPrompts.get()).as("callers who heard the emergency prompt")
                    .isGreaterThanOrEqualTo(HEARING_THE_EMERGENCY_PROMPT_AT_THE_KILL);
            server.destroyForcibly(); // SIGKILL
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        Process restarted = IvrProcess.start(dataDir, port, "20s");
        restarted.destroy();
        assertThat(restarted.waitFor(30, TimeUnit.SECONDS)).isTrue();

        int givenAnId = 0;
        int cutOffAfterTheEmergencyPrompt = 0;
        try (Database database = Database.open(StorageConfig.from(Settings.defaultSettings().with(
                Map.of("data.dir", dataDir.toString()))))) {
            CallJournal journal = new JooqCallJournal(database.dsl());
            for (Placed p : placed) {
                CallRecord call = p.call().get(60, TimeUnit.SECONDS);
                if (call == null) {
                    continue;
                }
                var stored = journal.findByAsteriskId(call.uniqueId());
                if (call.variables().containsKey("HOTLINE_CALL_ID")) {
                    givenAnId++;
                    assertThat(stored).as("the row of %s, which was given a call id", call).isPresent();
                }
                if (stored.isEmpty()) {
                    continue;
                }
                CallSummary summary = stored.get();
                assertThat(summary.outcome()).as("%s has an outcome after the restart", call).isNotNull();
                boolean heardPurposeMenu = heard(call, "hotline/purpose");
                if (heardPurposeMenu) {
                    assertThat(summary.language()).as("the language of %s", call)
                            .isEqualTo(Language.byKey(p.language()).orElseThrow().code());
                }
                boolean emergency = heard(call, "hotline/emergency");
                if (emergency) {
                    assertThat(summary.purpose()).as("the purpose of %s", call).isEqualTo(Purpose.DANGER.code());
                    assertThat(summary.priority()).as("the priority of %s", call).isEqualTo("emergency");
                }
                if (summary.outcome() == CallOutcome.FAILED) {
                    CallStep reached = emergency ? CallStep.PURPOSE_CHOSEN
                            : heardPurposeMenu ? CallStep.LANGUAGE_CHOSEN : CallStep.ENTERED;
                    assertThat(summary.outcomeStep()).as("the step %s was closed at", call)
                            .isGreaterThanOrEqualTo(reached);
                    if (emergency) {
                        cutOffAfterTheEmergencyPrompt++;
                    }
                }
            }
        }
        assertThat(givenAnId).as("calls given a call id").isGreaterThanOrEqualTo(ENOUGH_CALLS);
        assertThat(cutOffAfterTheEmergencyPrompt).as("danger callers the kill cut off after the emergency prompt")
                .isPositive();
        try (var left = Files.list(StepLog.directoryIn(dataDir))) {
            assertThat(left.filter(file -> file.toString().endsWith(".log")).toList())
                    .as("step-log segments after a clean stop").isEmpty();
        }
    }

    private static boolean heard(CallRecord call, String prompt) {
        return call.commands().stream().anyMatch(command -> command.contains(prompt));
    }
}
