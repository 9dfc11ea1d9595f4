package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.reports.figures.Period;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored report of the known day: what a manager reads, and what a CSV download holds. */
class RenderTest {
    @TempDir
    Path dataDir;
    Database database;
    Path folder;
    Document html;
    String raw;

    @BeforeEach
    void generate() {
        Settings settings = TestDatabase.settings(dataDir, Map.of());
        database = TestDatabase.open(settings);
        new KnownDay().seed(new Seed(database.dsl()));
        ReportGenerator generator = new ReportGenerator(database.dsl(), ReportConfig.from(settings),
                TestDatabase.at("2026-03-11T00:30:00"), new SimpleMeterRegistry());
        folder = generator.generate(Period.day(KnownDay.DAY, Seed.KABUL), "command", false).orElseThrow();
        raw = ReportFiles.read(folder.resolve("report.html"));
        html = Jsoup.parse(raw);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void storedWhereTheWebPageListsIt() {
        assertThat(folder).isEqualTo(dataDir.resolve("reports").resolve("2026-03-10"));
        assertThat(html.title()).isEqualTo("Hotline report 2026-03-10");
        assertThat(html.selectFirst(".subtitle").text()).contains("Asia/Kabul (UTC+04:30)");
    }

    @Test
    void countsUnderFiveAreSuppressedAndFiguresExact() {
        assertThat(rows("calls")).containsExactly(List.of("Figure", "Calls"), List.of("Offered (all calls)", "16"),
                List.of("Answered", "6"), List.of("Abandoned in menu", "<5"), List.of("Abandoned in queue", "<5"),
                List.of("of which under 5 s", "<5"), List.of("Asked for an operator", "13"));
        assertThat(rows("waits")).containsExactly(List.of("Figure", "Value"),
                List.of("Average speed of answer", "35.1 s"), List.of("Longest wait", "60.5 s"),
                List.of("Answered within 20 s, of answered", "33.3 %"),
                List.of("Answered within 60 s, of answered", "83.3 %"),
                List.of("Answered within 20 s, of answered + abandoned", "25.0 %"),
                List.of("Answered within 60 s, of answered + abandoned", "62.5 %"),
                List.of("Average handle time", "2 min 40 s"));
        assertThat(rows("targets")).containsExactly(List.of("Target", "Goal", "Actual", "Met"),
                List.of("Answered", "at least 90 %", "46.2 %", "no"),
                List.of("Abandoned (not counting under 5 s)", "at most 5 %", "15.4 %", "no"),
                List.of("Average speed of answer", "at most 45 s", "35.1 s", "yes"));
        assertThat(rows("outcomes")).extracting(r -> r.get(1)).containsExactly("Calls", "6", "<5", "<5", "<5", "<5",
                "<5", "<5", "<5");
        assertThat(rows("operators")).containsExactly(
                List.of("Operator", "Calls handled", "Average handle time", "Time available"),
                List.of("Amina K.", "<5", "–", "1 h 30 min"), List.of("Bashir R.", "<5", "–", "9 h 00 min"));
        assertThat(rows("tips")).containsExactly(List.of("Figure", "Tips"), List.of("Tips written", "6"),
                List.of("Cross-border cases", "<5"));
        assertThat(rows("referral-totals")).containsExactly(List.of("Figure", "Referrals"),
                List.of("Referrals made", "<5"), List.of("Cross-border referrals", "<5"),
                List.of("Still open after 7 days", "<5"));
        // Every count cell of every table is either "<5" or a number of at least 5.
        for (Element cell : html.select("td.num")) {
            String text = cell.text();
            if (text.matches("\\d+")) {
                assertThat(Long.parseLong(text)).as("a bare count in %s", cell.parent()).isGreaterThanOrEqualTo(5);
            }
        }
    }

    @Test
    void byLanguageWithRightToLeftNames() {
        List<List<String>> rows = rows("by-language");
        assertThat(rows.get(0).subList(0, 4)).containsExactly("Language", "Name", "Offered", "Answered");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2))
                .containsExactly("No language chosen||<5", "Dari|دری|6", "Pashto|پښتو|<5", "Tajik|Тоҷикӣ|<5",
                        "Turkmen|Türkmen|<5", "Urdu|اردو|<5", "Uzbek|Oʻzbek|<5");
        assertThat(html.select("#table-by-language span[dir=rtl]")).extracting(e -> e.attr("lang") + ":" + e.text())
                .containsExactly("prs:دری", "ps:پښتو", "ur:اردو");
        assertThat(html.select("#table-by-language span[dir=ltr]")).extracting(Element::text)
                .containsExactly("Тоҷикӣ", "Türkmen", "Oʻzbek");
        // Dari: 2 of the 5 asking for an operator answered (the short abandon left out); too few waits for an average.
        assertThat(rows.get(2).subList(7, 11)).containsExactly("40.0 %", "20.0 %", "–", "20.0 s");
    }

    @Test
    void everyTableIsAlsoACsvFileWithTheSameCells() {
        List<Element> tables = html.select("table[data-csv]");
        assertThat(tables).hasSizeGreaterThanOrEqualTo(18);
        for (Element table : tables) {
            String id = table.id().substring("table-".length());
            String csv = ReportFiles.read(folder.resolve(table.attr("data-csv")));
            assertThat(ReportFiles.csv(csv)).as(id).isEqualTo(rows(id));
        }
    }

    @Test
    void noSummaryNoPseudonymNoScriptNothingExternal() {
        assertThat(raw).doesNotContain("SECRET-SUMMARY").doesNotContain("PSEUDONYM-");
        for (Element table : html.select("table[data-csv]")) {
            String csv = ReportFiles.read(folder.resolve(table.attr("data-csv")));
            assertThat(csv).doesNotContain("SECRET-SUMMARY").doesNotContain("PSEUDONYM-");
        }
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("[src], link, [style]")).isEmpty();
        assertThat(html.select("a[href]")).allSatisfy(a -> assertThat(a.attr("href")).startsWith("#"));
        assertThat(html.select("style")).hasSize(1);
    }

    @Test
    void tipAndReferralTablesUseLabels() {
        assertThat(rows("signals")).extracting(r -> r.get(0)).containsExactly("Signal", "Tip about a situation",
                "Not recorded", "Crisis (immediate danger)", "Request for help");
        assertThat(rows("regions")).extracting(r -> r.get(0)).containsExactly("Province or region",
                "Kabul (AF-KAB)", "Not recorded", "Herat (AF-HER)", "Unknown");
        assertThat(rows("referrals-open")).extracting(r -> r.get(0)).containsExactly("Partner",
                "International Organization for Migration (IOM) Afghanistan", "NGO Femida");
    }

    private List<List<String>> rows(String table) {
        return ReportFiles.htmlTable(html, table);
    }
}
