package org.hotline.core.steplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.hotline.core.call.CallJournal;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.CallSummary;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.call.Language;
import org.hotline.core.call.NewCall;
import org.hotline.core.call.Purpose;
import org.hotline.core.storage.Database;
import org.hotline.core.testing.TestDatabases;
import org.hotline.core.testing.TestDatabases.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replaying the step log into a real H2 database with the real migrations. */
class StepLogReplayTest {
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    @TempDir
    Path dataDir;
    Database database;
    CallJournal journal;

    @BeforeEach
    void open() {
        database = TestDatabases.open(Engine.H2, dataDir);
        journal = new JooqCallJournal(database.dsl());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Path dir() {
        return StepLog.directoryIn(dataDir);
    }

    private static NewCall call(String id) {
        return new NewCall(id, "1765094400." + id, "1098", "pseudonym-" + id, "AF", T0);
    }

    /** A danger caller cut off during the emergency prompt, and a caller whose call ended in the fallback. */
    private void logTwoCalls() {
        try (StepLog log = StepLog.open(dir())) {
            log.append(new StepRecord.Entered(call("danger")));
            log.append(new StepRecord.Entered(call("done")));
            log.append(new StepRecord.LanguageChosen("danger", Language.PASHTO, T0.plusSeconds(2)));
            log.append(new StepRecord.LanguageChosen("done", Language.DARI, T0.plusSeconds(2)));
            log.append(new StepRecord.PurposeChosen("danger", Purpose.DANGER, T0.plusSeconds(4)));
            log.append(new StepRecord.PurposeChosen("done", Purpose.REPORT, T0.plusSeconds(4)));
            log.append(new StepRecord.Reached("done", CallStep.QUEUED, T0.plusSeconds(5)));
            log.append(new StepRecord.Outcome("done", CallOutcome.FALLBACK, CallStep.QUEUED, T0.plusSeconds(6)));
        }
    }

    private void checkTheTwoCalls() {
        CallSummary danger = journal.find("danger").orElseThrow();
        assertThat(danger.language()).isEqualTo("ps");
        assertThat(danger.purpose()).isEqualTo("danger");
        assertThat(danger.priority()).isEqualTo("emergency");
        assertThat(danger.outcome()).isEqualTo(CallOutcome.FAILED);
        assertThat(danger.outcomeStep()).isEqualTo(CallStep.PURPOSE_CHOSEN);
        assertThat(journal.steps("danger"))
                .containsExactly(CallStep.ENTERED, CallStep.LANGUAGE_CHOSEN, CallStep.PURPOSE_CHOSEN);
        CallSummary done = journal.find("done").orElseThrow();
        assertThat(done.outcome()).isEqualTo(CallOutcome.FALLBACK);
        assertThat(done.outcomeStep()).isEqualTo(CallStep.QUEUED);
        assertThat(journal.steps("done")).containsExactly(CallStep.ENTERED, CallStep.LANGUAGE_CHOSEN,
                CallStep.PURPOSE_CHOSEN, CallStep.QUEUED);
    }

    private void restart() {
        StepLogReplay.replay(dir(), journal);
        journal.closeInterrupted(T0.plusSeconds(60), T0.plusSeconds(60));
    }

    @Test
    void aCallTheDatabaseNeverSawIsStoredAndClosedAtTheStepItReached() throws IOException {
        logTwoCalls();

        StepLogReplay.Result result = StepLogReplay.replay(dir(), journal);
        journal.closeInterrupted(T0.plusSeconds(60), T0.plusSeconds(60));

        assertThat(result.records()).isEqualTo(8);
        checkTheTwoCalls();
        assertThat(Segment.existing(dir())).as("segments after a replay").isEmpty();
    }

    @Test
    void recordsTheDatabaseAlreadyHasAreNotStoredTwice() {
        logTwoCalls();
        // The database wrote some of them before the kill.
        journal.enter(call("danger"));
        journal.languageChosen("danger", Language.PASHTO, T0.plusSeconds(2));
        journal.enter(call("done"));
        journal.languageChosen("done", Language.DARI, T0.plusSeconds(2));
        journal.purposeChosen("done", Purpose.REPORT, T0.plusSeconds(4));
        journal.step("done", CallStep.QUEUED, T0.plusSeconds(5));
        journal.outcome("done", CallOutcome.FALLBACK, CallStep.QUEUED, T0.plusSeconds(6));

        restart();

        checkTheTwoCalls();
    }

    @Test
    void aReplayKilledHalfwayAndRunAgainGivesTheSameCalls() throws IOException {
        logTwoCalls();
        Path copy = Files.createDirectory(dataDir.resolve("copy"));
        for (Path segment : Segment.existing(dir())) {
            Files.copy(segment, copy.resolve(segment.getFileName()));
        }
        // The first replay "dies" after storing everything but before deleting its segments: put them back.
        StepLogReplay.replay(dir(), journal);
        for (Path segment : Segment.existing(copy)) {
            Files.copy(segment, dir().resolve(segment.getFileName()));
        }

        restart();
        restart();

        checkTheTwoCalls();
        assertThat(Segment.existing(dir())).isEmpty();
    }

    @Test
    void aTornLastRecordIsIgnoredNotFatal() throws IOException {
        logTwoCalls();
        Path segment = Segment.existing(dir()).getFirst();
        // The start of a record the kill interrupted: its frame header says more bytes follow than there are.
        byte[] frame = RecordCodec.frame(new StepRecord.Outcome("danger", CallOutcome.ABANDONED_IN_MENU,
                CallStep.PURPOSE_CHOSEN, T0.plusSeconds(9))).array();
        Files.write(segment, java.util.Arrays.copyOf(frame, frame.length - 3), StandardOpenOption.APPEND);

        StepLogReplay.Result result = StepLogReplay.replay(dir(), journal);
        journal.closeInterrupted(T0.plusSeconds(60), T0.plusSeconds(60));

        assertThat(result.unreadable()).isEqualTo(1);
        checkTheTwoCalls();
        assertThat(Segment.existing(dir())).isEmpty();
    }

    @Test
    void aRepeatedChannelKeepsTheFirstCallsIdForItsRecords() {
        try (StepLog log = StepLog.open(dir())) {
            log.append(new StepRecord.Entered(call("first")));
            // Asterisk ran the script again for the same channel: a new call id, the same unique id.
            log.append(new StepRecord.Entered(new NewCall("second", call("first").asteriskUniqueId(), "1098",
                    "pseudonym-first", "AF", T0.plusSeconds(1))));
            log.append(new StepRecord.LanguageChosen("second", Language.URDU, T0.plusSeconds(3)));
        }

        restart();

        assertThat(journal.find("second")).isEmpty();
        assertThat(journal.find("first").orElseThrow().language()).isEqualTo("ur");
        assertThat(journal.steps("first")).containsExactly(CallStep.ENTERED, CallStep.LANGUAGE_CHOSEN);
    }

    @Test
    void aRecordTheDatabaseRefusesIsSkippedAndTheOthersAreStored() {
        try (StepLog log = StepLog.open(dir())) {
            log.append(new StepRecord.Entered(call("refused")));
            log.append(new StepRecord.LanguageChosen("refused", Language.TAJIK, T0.plusSeconds(2)));
            // Longer than the column: refused live, and refused again at every start.
            log.append(new StepRecord.HandedOff("refused", "PJSIP/" + "9".repeat(100), T0.plusSeconds(4)));
            log.append(new StepRecord.Outcome("refused", CallOutcome.FALLBACK, CallStep.LANGUAGE_CHOSEN,
                    T0.plusSeconds(5)));
        }

        restart();

        CallSummary refused = journal.find("refused").orElseThrow();
        assertThat(refused.language()).isEqualTo("tg");
        assertThat(refused.outcome()).isEqualTo(CallOutcome.FALLBACK);
        assertThat(refused.operatorTarget()).isNull();
    }

    @Test
    void nothingToReplayIsNothingDone() {
        assertThat(StepLogReplay.replay(dir(), journal)).isEqualTo(new StepLogReplay.Result(0, 0, 0));
        assertThat(List.of()).isEmpty();
    }
}
