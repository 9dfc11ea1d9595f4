package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.reports.figures.Period;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consent rule's exceptions in the report (by basis, and each one for review), and the one time rule: the
 * page shows Kabul time, 24-hour, naming the zone once; the CSV holds ISO 8601 with the offset.
 */
class ConsentAndTimesReportTest {
    @TempDir
    Path dataDir;
    Database database;
    Document html;
    Path folder;
    String referral;

    @BeforeEach
    void generate() {
        Settings settings = TestDatabase.settings(dataDir, Map.of());
        database = TestDatabase.open(settings);
        Seed seed = new Seed(database.dsl());
        new KnownDay().seed(seed);
        String manager = seed.operator("consent-manager", "Manager M.", "manager");
        String tip = seed.tip("2026-03-10T13:00:00", manager, Map.of("signal_type", "crisis"));
        // A referral the caller did not consent to, sent at 14:05 Kabul time on the recorded basis of danger.
        referral = seed.referral(tip, "af-hagar", "shelter", false, "2026-03-10T13:30:00", manager,
                "sent", "2026-03-10T14:05:00");
        database.dsl().update(REFERRALS).set(REFERRALS.CONSENT, false)
                .set(REFERRALS.CONSENT_BASIS, "imminent-danger").where(REFERRALS.ID.eq(referral)).execute();
        database.dsl().update(REFERRAL_STATUS_CHANGES).set(REFERRAL_STATUS_CHANGES.CONSENT_BASIS, "imminent-danger")
                .set(REFERRAL_STATUS_CHANGES.NOTE, "NOTE-NEVER-IN-REPORTS")
                .where(REFERRAL_STATUS_CHANGES.REFERRAL_ID.eq(referral))
                .and(REFERRAL_STATUS_CHANGES.TO_STATUS.eq("sent")).execute();
        ReportGenerator generator = new ReportGenerator(database.dsl(), ReportConfig.from(settings),
                TestDatabase.at("2026-03-11T00:30:00"), new SimpleMeterRegistry());
        folder = generator.generate(Period.day(KnownDay.DAY, Seed.KABUL), "command", false).orElseThrow();
        html = Jsoup.parse(ReportFiles.read(folder.resolve("report.html")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void referralsSentWithoutConsentAreCountedByBasisAndListed() {
        assertThat(ReportFiles.htmlTable(html, "consent-exceptions")).containsExactly(List.of("Basis", "Referrals"),
                List.of("Imminent danger to life or safety", "<5"), List.of("All bases", "<5"));
        assertThat(ReportFiles.htmlTable(html, "consent-exceptions-each")).containsExactly(
                List.of("When", "Referral", "Basis", "Moved to"),
                List.of("2026-03-10 14:05", referral, "Imminent danger to life or safety", "Sent"));
        assertThat(html.outerHtml()).doesNotContain("NOTE-NEVER-IN-REPORTS");
    }

    @Test
    void timesAreKabul24HourOnThePageAndIsoWithOffsetInTheCsv() {
        String subtitle = html.selectFirst(".subtitle").text();
        assertThat(subtitle).contains("Times in Asia/Kabul (UTC+04:30), 24-hour").contains("Generated 2026-03-11 00:30")
                .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(html.text().split("Asia/Kabul", -1)).as("the zone named once").hasSize(2);
        String csv = ReportFiles.read(folder.resolve("consent-exceptions-each.csv"));
        assertThat(ReportFiles.csv(csv).get(1)).containsExactly("2026-03-10T14:05:00+04:30", referral,
                "Imminent danger to life or safety", "Sent");
    }
}
