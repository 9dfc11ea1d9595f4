package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.ESCALATIONS;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.reports.figures.Period;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly report counts the day's on-call escalations and says how long acknowledging took. */
class EscalationReportTest {
    @TempDir
    Path dataDir;

    @Test
    void theDaysEscalationsAreCountedWithTheTimeToAcknowledgement() {
        Settings settings = TestDatabase.settings(dataDir, Map.of());
        try (Database database = TestDatabase.open(settings)) {
            // Six escalations of waiting emergencies on the day: five acknowledged after 30, 40, 50, 70 and 200 s.
            int[] acknowledgedAfter = {30, 40, 50, 70, 200, -1};
            for (int i = 0; i < acknowledgedAfter.length; i++) {
                Instant start = Seed.local("2026-03-10T1%d:00:00".formatted(i));
                boolean acked = acknowledgedAfter[i] >= 0;
                database.dsl().insertInto(ESCALATIONS).set(ESCALATIONS.ID, UUID.randomUUID().toString())
                        .set(ESCALATIONS.CALL_ID, UUID.randomUUID().toString())
                        .set(ESCALATIONS.KIND, "WAITING_EMERGENCY").set(ESCALATIONS.LANGUAGE_CODE, "prs")
                        .set(ESCALATIONS.WAITING_SINCE, start.atOffset(ZoneOffset.UTC))
                        .set(ESCALATIONS.STARTED_AT, start.atOffset(ZoneOffset.UTC))
                        .set(ESCALATIONS.STATE, acked ? "acknowledged" : "exhausted")
                        .set(ESCALATIONS.ROUND, 1).set(ESCALATIONS.POSITION, 0)
                        .set(ESCALATIONS.ACKNOWLEDGED_AT, acked
                                ? start.plusSeconds(acknowledgedAfter[i]).atOffset(ZoneOffset.UTC) : null)
                        .execute();
            }
            // One on the next day is not counted.
            Instant next = Seed.local("2026-03-11T01:00:00");
            database.dsl().insertInto(ESCALATIONS).set(ESCALATIONS.ID, UUID.randomUUID().toString())
                    .set(ESCALATIONS.CALL_ID, UUID.randomUUID().toString()).set(ESCALATIONS.KIND, "DECLINED_EMERGENCY")
                    .set(ESCALATIONS.WAITING_SINCE, next.atOffset(ZoneOffset.UTC))
                    .set(ESCALATIONS.STARTED_AT, next.atOffset(ZoneOffset.UTC)).set(ESCALATIONS.STATE, "paging")
                    .set(ESCALATIONS.ROUND, 1).set(ESCALATIONS.POSITION, 0).execute();

            ReportGenerator generator = new ReportGenerator(database.dsl(), ReportConfig.from(settings),
                    TestDatabase.at("2026-03-11T00:30:00"), new SimpleMeterRegistry());
            Path folder = generator.generate(Period.day(KnownDay.DAY, Seed.KABUL), "command", false).orElseThrow();
            Document html = Jsoup.parse(ReportFiles.read(folder.resolve("report.html")));

            assertThat(ReportFiles.htmlTable(html, "escalations")).containsExactly(List.of("Why", "Escalations"),
                    List.of("Emergency waiting, nobody free", "6"), List.of("All escalations", "6"));
            assertThat(ReportFiles.htmlTable(html, "escalations-ends")).containsExactly(List.of("Ended", "Escalations"),
                    List.of("Acknowledged (1 pressed)", "5"), List.of("Nobody acknowledged (every round)", "<5"));
            assertThat(ReportFiles.htmlTable(html, "escalations-ack")).containsExactly(List.of("Figure", "Time"),
                    List.of("Median", "50 s"), List.of("Longest", "3 min 20 s"));
        }
    }
}
