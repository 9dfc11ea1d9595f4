package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.CALL_STEPS;
import static org.hotline.core.db.Tables.OPERATOR_STATES;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.core.db.Tables.TIP_ADDENDA;
import static org.hotline.core.db.Tables.VOICEMAIL_TASKS;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.testing.TestDatabases;
import org.hotline.reports.figures.Period;
import org.hotline.reports.retention.PurgeCounts;
import org.hotline.reports.retention.RetentionConfig;
import org.hotline.reports.retention.RetentionPurge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two years on, the known day's calls are gone, its report still reads the same from the aggregates, and every
 * purge left an audit row with its count.
 */
abstract class PurgeTest {
    static final List<String> CALL_TABLES = List.of("targets", "calls", "waits", "outcomes", "by-language", "by-hour",
            "operators");

    @TempDir
    Path dataDir;
    Settings settings;
    Database database;
    KnownDay day = new KnownDay();
    Path voicemail;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void seed() throws Exception {
        settings = TestDatabase.settings(engine(), dataDir, Map.of());
        database = TestDatabase.open(settings);
        Seed seed = new Seed(database.dsl());
        day.seed(seed);
        voicemail = dataDir.resolve("voicemail");
        Files.createDirectories(voicemail);
        Files.writeString(voicemail.resolve("vm-1.wav"), "old message");
        // Two years later: one message whose task is done, one still waiting for an operator.
        String doneCall = seed.call("2028-03-19T10:00:00").language("prs").voicemail("vm-done.wav").insert();
        seed.call("2028-03-19T11:00:00").language("prs").voicemail("vm-waiting.wav").insert();
        Files.writeString(voicemail.resolve("vm-done.wav"), "handled");
        Files.writeString(voicemail.resolve("vm-waiting.wav"), "not yet heard");
        database.dsl().insertInto(VOICEMAIL_TASKS).set(VOICEMAIL_TASKS.CALL_ID, doneCall)
                .set(VOICEMAIL_TASKS.CLAIMED_BY, day.amina).set(VOICEMAIL_TASKS.CLAIMED_AT, Seed.utc(Seed.local(
                        "2028-03-19T12:00:00"))).set(VOICEMAIL_TASKS.DONE_AT, Seed.utc(Seed.local("2028-03-19T12:10:00")))
                .execute();
        // A tip linked to one of the old calls keeps its coded fields when the call goes.
        String oldCall = database.dsl().select(CALLS.ID).from(CALLS).where(CALLS.LANGUAGE_CODE.eq("ps")).limit(1)
                .fetchOne(CALLS.ID);
        database.dsl().update(TIPS).set(TIPS.CALL_ID, oldCall).where(TIPS.SIGNAL_TYPE.eq("crisis")).execute();
        audit("2021-01-05T10:00:00");
        audit("2027-06-01T10:00:00");
        // An addendum to one of the day's tips: free text like the summary, so it goes with it.
        database.dsl().insertInto(TIP_ADDENDA).set(TIP_ADDENDA.TIP_ID, database.dsl().select(TIPS.ID).from(TIPS)
                        .limit(1).fetchOne(TIPS.ID)).set(TIP_ADDENDA.AUTHOR_ID, day.amina)
                .set(TIP_ADDENDA.ADDED_AT, Seed.utc(Seed.local("2026-03-12T10:00:00")))
                .set(TIP_ADDENDA.BODY, "SECRET-ADDENDUM").execute();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void oldRecordsGoTheOldDayStillReportsAndEveryPurgeIsAudited() {
        Map<String, List<List<String>>> before = callTables(generate("2026-03-11T00:30:00", false));

        var clock = TestDatabase.at("2028-03-20T00:30:00");
        PurgeCounts counts = new RetentionPurge(database.dsl(), RetentionConfig.from(settings), Seed.KABUL, clock).run();

        // 16 calls of the day, and one each on the evenings before and after; the 2028 calls stay.
        assertThat(counts).isEqualTo(new PurgeCounts(7, 2, 18, 7, 1));
        assertThat(database.dsl().fetchCount(CALLS)).isEqualTo(2);
        assertThat(database.dsl().fetchCount(CALL_STEPS, CALL_STEPS.OCCURRED_AT.lt(Seed.utc(
                Instant.parse("2027-01-01T00:00:00Z"))))).isZero();
        assertThat(database.dsl().fetchCount(OPERATOR_STATES)).isZero();
        assertThat(database.dsl().fetchCount(TIPS)).as("tips keep their coded fields").isEqualTo(7);
        assertThat(database.dsl().fetchCount(TIPS, TIPS.SUMMARY.isNotNull())).isZero();
        assertThat(database.dsl().fetchCount(TIP_ADDENDA)).as("addenda go with the summaries").isZero();
        assertThat(database.dsl().fetchCount(TIPS, TIPS.CALL_ID.isNotNull())).isZero();
        assertThat(voicemail.resolve("vm-1.wav")).doesNotExist();
        assertThat(voicemail.resolve("vm-done.wav")).doesNotExist();
        assertThat(voicemail.resolve("vm-waiting.wav")).exists();
        assertThat(database.dsl().fetchCount(CALLS, CALLS.VOICEMAIL_REF.isNotNull())).isEqualTo(1);

        Map<String, List<List<String>>> after = callTables(generate("2028-03-20T00:31:00", true));
        assertThat(after).isEqualTo(before);

        var purges = database.dsl().selectFrom(AUDIT_EVENTS).where(AUDIT_EVENTS.ACTION.eq("retention-purge"))
                .orderBy(AUDIT_EVENTS.ID).fetch();
        assertThat(purges).extracting(r -> r.getSubjectType() + "=" + r.getRecordCount()).containsExactly(
                "tip-summaries=7", "tip-addenda=1", "tip-drafts=0", "voicemail-audio=2", "calls=18", "operator-states=7",
                "audit-events=1");
        assertThat(purges).allSatisfy(r -> {
            assertThat(r.getActorId()).isNull();
            assertThat(r.getActorRole()).isEqualTo("system");
        });
        assertThat(purges).filteredOn(r -> "calls".equals(r.getSubjectType())).singleElement()
                .extracting(r -> r.getSubjectId()).as("calls before local midnight 730 days back")
                .isEqualTo("2026-03-20T19:30Z");
        assertThat(database.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("tip-opened"))).isEqualTo(1);
    }

    @Test
    void purgingTwiceRemovesNothingMore() {
        var clock = TestDatabase.at("2028-03-20T00:30:00");
        RetentionPurge purge = new RetentionPurge(database.dsl(), RetentionConfig.from(settings), Seed.KABUL, clock);
        purge.run();
        assertThat(purge.run()).isEqualTo(new PurgeCounts(0, 0, 0, 0, 0));
    }

    private Path generate(String localNow, boolean again) {
        return new ReportGenerator(database.dsl(), ReportConfig.from(settings), TestDatabase.at(localNow),
                new SimpleMeterRegistry()).generate(Period.day(KnownDay.DAY, Seed.KABUL), "command", again)
                .orElseThrow();
    }

    private static Map<String, List<List<String>>> callTables(Path folder) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        for (String table : CALL_TABLES) {
            tables.put(table, ReportFiles.csv(ReportFiles.read(folder.resolve(table + ".csv"))));
        }
        return tables;
    }

    private void audit(String local) {
        database.dsl().insertInto(AUDIT_EVENTS).set(AUDIT_EVENTS.OCCURRED_AT, Seed.utc(Seed.local(local)))
                .set(AUDIT_EVENTS.ACTOR_ID, day.manager).set(AUDIT_EVENTS.ACTOR_ROLE, "manager")
                .set(AUDIT_EVENTS.ACTION, "tip-opened").set(AUDIT_EVENTS.SUBJECT_TYPE, "tip")
                .set(AUDIT_EVENTS.SUBJECT_ID, "t-1").execute();
    }
}

class PurgeOnH2Test extends PurgeTest {
    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }
}

class PurgeOnPostgresTest extends PurgeTest {
    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
