package org.hotline.acceptance.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.CALLS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.core.testing.StoppablePostgres;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IVR's records waiting in the patient writer survive {@code kill -9} (issue 19): PostgreSQL is stopped, calls
 * go through the IVR and their hangup handlers report their ends, so every record of theirs waits in memory for the
 * database; then the packaged hotline is killed with {@code kill -9}, PostgreSQL started again, and the hotline
 * restarted on the same data directory. Every call is there, whole: its row, the outcome the IVR gave it (not
 * "failed", which a restart gives a call whose records were lost) and its end from the hangup handler. Each of
 * those records was forced to the step log before it went to the patient writer, and the restart replays the log.
 */
class PatientWriterKillTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private static final int CALLS_DURING_OUTAGE = 4;

    /** Kept when the test fails, with the hotline's log in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private StoppablePostgres postgres;
    private HotlineProcess hotline;

    @AfterEach
    void stopEverything() {
        if (hotline != null) {
            hotline.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyCallRecordedWhileTheDatabaseWasDownIsThereAfterAKillNineAndARestart() throws Exception {
        postgres = StoppablePostgres.start(dir.resolve("postgres"));
        Path data = dir.resolve("data");
        Map<String, String> settings = new HashMap<>(postgres.settings());
        settings.putAll(Map.of("ivr.menu.timeout", "500ms", "ivr.hold.poll", "50ms",
                "ivr.voicemail.dir", dir.resolve("voicemail").toString()));
        hotline = HotlineProcess.start(data, "before-kill", settings);

        postgres.stop();
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < CALLS_DURING_OUTAGE; i++) {
            CallRecord call = FakeCall.builder("127.0.0.1", hotline.agiPort()).pressDuringMenus('1', '2')
                    .hangupAfter(Duration.ofSeconds(1)).build().run(CALL_LIMIT);
            assertThat(call.variables()).containsKey("HOTLINE_CALL_ID");
            assertThat(CallStorm.reportEnd(hotline.agiPort(), call)).as("hangup handler").isTrue();
            calls.add(call);
        }

        hotline.kill9();
        postgres.startAgain();
        hotline = HotlineProcess.start(data, "after-kill", settings);

        DSLContext db = DSL.using(postgres.dataSource(), SQLDialect.POSTGRES);
        for (CallRecord call : calls) {
            var row = db.selectFrom(CALLS).where(CALLS.ID.eq(call.variables().get("HOTLINE_CALL_ID"))).fetchOne();
            assertThat(row).as("the row of call %s", call.uniqueId()).isNotNull();
            assertThat(row.getAsteriskUniqueId()).isEqualTo(call.uniqueId());
            assertThat(row.getOutcome()).as("the IVR's own outcome, not one a restart gave it")
                    .isNotNull().isNotEqualTo("failed");
            assertThat(row.getEndedAt()).as("the hangup handler's end").isNotNull();
        }
    }
}
