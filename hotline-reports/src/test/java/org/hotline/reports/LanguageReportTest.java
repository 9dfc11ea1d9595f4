package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.core.i18n.DateCalendar;
import org.hotline.core.i18n.UiLanguage;
import org.hotline.core.storage.Database;
import org.hotline.reports.figures.Period;
import org.hotline.reports.render.ReportLanguage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly report of the known day in Dari with the solar Hijri calendar (and in Pashto and English beside it),
 * from the real H2 database and migrations: right to left, Dari words, Afghan month names, isolated figures, and
 * CSVs that stay the same in every language.
 */
class LanguageReportTest {
    @TempDir
    Path dataDir;
    Database database;
    ReportGenerator generator;
    Path folder;
    Document dari;

    @BeforeEach
    void generate() {
        Settings settings = TestDatabase.settings(dataDir, Map.of("report.language", "prs",
                "report.calendar", "solar-hijri", "report.also-languages", "ps,en"));
        database = TestDatabase.open(settings);
        new KnownDay().seed(new Seed(database.dsl()));
        generator = new ReportGenerator(database.dsl(), ReportConfig.from(settings),
                TestDatabase.at("2026-03-11T00:30:00"), new SimpleMeterRegistry());
        folder = generator.generate(Period.day(KnownDay.DAY, Seed.KABUL), "nightly", false).orElseThrow();
        dari = Jsoup.parse(ReportFiles.read(folder.resolve("report.html")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theDariReportIsRightToLeftWithDariWordsAndAfghanDates() {
        assertThat(dari.selectFirst("html").attr("lang")).isEqualTo("prs");
        assertThat(dari.selectFirst("html").attr("dir")).isEqualTo("rtl");
        // 10 March 2026 is 19 Hut 1404 in Kabul; the Gregorian date goes alongside for partners abroad.
        assertThat(dari.title()).isEqualTo("گزارش خط تماس ۱۹ حوت ۱۴۰۴ (۱۰ مارچ ۲۰۲۶)");
        assertThat(dari.selectFirst(".subtitle").text()).contains("Asia/Kabul (UTC+04:30)").contains("۲۰ حوت ۱۴۰۴");
        assertThat(ReportFiles.htmlTable(dari, "calls")).containsExactly(List.of("رقم", "تماس‌ها"),
                List.of("دریافت‌شده (همهٔ تماس‌ها)", "16"), List.of("پاسخ‌داده", "6"),
                List.of("رهاشده در منو", "<5"), List.of("رهاشده در صف", "<5"),
                List.of("از آن کمتر از ۵ ثانیه", "<5"), List.of("اپراتور خواسته‌اند", "13"));
        assertThat(ReportFiles.htmlTable(dari, "targets").get(1)).containsExactly("پاسخ‌داده", "دست‌کم 90 ٪",
                "46.2 %", "نخیر");
        assertThat(dari.select("section h2").eachText()).contains("تماس‌ها و انتظار", "تماس‌ها بر اساس زبان",
                "ارتقاهای نوبت‌داری");
    }

    @Test
    void codedChoicesAreNamedInDariAndCountriesByCldr() {
        for (String table : List.of("signals", "contact-types", "trafficking-types", "forms", "countries",
                "referral-statuses", "referral-services")) {
            List<List<String>> rows = ReportFiles.htmlTable(dari, table);
            assertThat(rows).as(table).hasSizeGreaterThan(1);
            assertThat(rows.subList(1, rows.size())).as(table)
                    .allSatisfy(row -> assertThat(row.get(0)).doesNotContainPattern("[A-Za-z]"));
        }
        assertThat(ReportFiles.htmlTable(dari, "countries")).extracting(r -> r.get(0)).contains("افغانستان");
        assertThat(ReportFiles.csv(ReportFiles.read(folder.resolve("countries.csv")))).extracting(r -> r.get(0))
                .contains("Afghanistan");
    }

    @Test
    void figuresAndTimesKeepTheirOrderInsideRightToLeftText() {
        // Every figure is isolated left to right, so "<5" and "46.2 %" do not turn around in Dari.
        assertThat(dari.select("td.num")).isNotEmpty().allSatisfy(cell ->
                assertThat(cell.selectFirst("bdi[dir=ltr]")).as(cell.outerHtml()).isNotNull());
        assertThat(ReportFiles.htmlTable(dari, "by-hour").get(1).get(0)).matches("\\d\\d:00");
        assertThat(dari.select("#table-by-hour tbody td:first-child bdi[dir=ltr]")).isNotEmpty();
        // The zone in the subtitle is wrapped in Unicode isolates.
        assertThat(dari.selectFirst(".subtitle").text()).contains("\u2066Asia/Kabul (UTC+04:30)\u2069");
        // Charts stay left to right, with Dari labels.
        assertThat(dari.select("figure.chart > div[dir=ltr] svg")).isNotEmpty();
        assertThat(dari.selectFirst("figure[data-chart=outcomes] svg").text()).contains("پاسخ‌داده");
    }

    @Test
    void noEnglishReportTextIsLeftOnTheDariPage() throws IOException {
        JsonObject english = bundle("en");
        JsonObject dariBundle = bundle("prs");
        String page = dari.body().text();
        for (String key : english.fieldNames()) {
            String text = english.getString(key);
            if (key.startsWith("report.") && !text.contains("{") && text.length() > 8
                    && !text.equals(dariBundle.getString(key))) {
                assertThat(page).as(key).doesNotContain(text);
            }
        }
    }

    @Test
    void csvFilesAreTheSameInEveryLanguageWithEnglishHeadersAndIsoDates() throws IOException {
        var english = generator.render(Period.day(KnownDay.DAY, Seed.KABUL), ReportLanguage.ENGLISH, List.of());
        try (var files = Files.list(folder)) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String table = csv.getFileName().toString().replace(".csv", "");
                assertThat(ReportFiles.read(csv)).as(table).isEqualTo("\uFEFF" + english.csv().get(table));
            }
        }
        assertThat(ReportFiles.csv(ReportFiles.read(folder.resolve("calls.csv")))).startsWith(
                List.of("Figure", "Calls"), List.of("Offered (all calls)", "16"));
    }

    @Test
    void pashtoAndEnglishAreStoredBeside() {
        Document pashto = Jsoup.parse(ReportFiles.read(folder.resolve("report.ps.html")));
        assertThat(pashto.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(pashto.title()).startsWith("د مرستې لیکې راپور ۱۹ کب ۱۴۰۴");
        Document english = Jsoup.parse(ReportFiles.read(folder.resolve("report.en.html")));
        assertThat(english.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(english.title()).isEqualTo("Hotline report 2026-03-10");
    }

    @Test
    void aRangeAcrossNowruzListsEachDayInBothCalendars() {
        // 10 to 21 March 2026: the days of Hut 1404, then 1 Hamal 1405 (Nowruz).
        Period period = new Period(KnownDay.DAY, LocalDate.parse("2026-03-21"), Seed.KABUL);
        var rendered = generator.render(period, new ReportLanguage(UiLanguage.DARI, DateCalendar.SOLAR_HIJRI),
                List.of());
        Document html = Jsoup.parse(rendered.html());
        assertThat(html.title()).isEqualTo("گزارش خط تماس ۱۹ حوت ۱۴۰۴ (۱۰ مارچ ۲۰۲۶) تا ۱ حمل ۱۴۰۵ (۲۱ مارچ ۲۰۲۶)"
                + " (۱۲ روز)");
        List<List<String>> days = ReportFiles.htmlTable(html, "by-day");
        assertThat(days.get(0).get(0)).isEqualTo("روز");
        assertThat(days.get(1).get(0)).isEqualTo("۱۹ حوت ۱۴۰۴ (۱۰ مارچ ۲۰۲۶)");
        List<List<String>> csv = ReportFiles.csv(rendered.csv().get("by-day"));
        assertThat(csv.get(0).get(0)).isEqualTo("Day");
        assertThat(csv.get(1).get(0)).isEqualTo("2026-03-10");
    }

    private static JsonObject bundle(String code) throws IOException {
        try (InputStream in = LanguageReportTest.class.getResourceAsStream("/i18n/" + code + ".json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonObject("messages");
        }
    }
}
