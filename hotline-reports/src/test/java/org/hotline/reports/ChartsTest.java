package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.reports.figures.Period;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts of a busier day: one inline SVG per chart section, drawn by JFreeChart, whose bars have the heights
 * of the table's figures, and no bar (only a "<5" label) for counts under 5.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartsTest {
    static final LocalDate DAY = LocalDate.parse("2026-04-02");
    Database database;
    Document html;

    @BeforeAll
    void generate(@TempDir Path dataDir) {
        Settings settings = TestDatabase.settings(dataDir, Map.of());
        database = TestDatabase.open(settings);
        Seed seed = new Seed(database.dsl());
        String op = seed.operator("amina", "Amina K.", "operator");
        // 09:00 Dari: 12 offered, 8 answered; 10:00 Pashto: 7 offered, 5 answered; 11:00 Tajik: 3 offered, 1 answered.
        for (int i = 0; i < 12; i++) {
            var call = seed.call("2026-04-02T09:%02d:00".formatted(i * 4)).language("prs");
            (i < 8 ? call.answered(10, 120, op) : call.abandonedInQueue(30)).insert();
        }
        for (int i = 0; i < 7; i++) {
            var call = seed.call("2026-04-02T10:%02d:00".formatted(i * 5)).language("ps");
            (i < 5 ? call.answered(15, 90, op) : call.abandonedInQueue(40)).insert();
        }
        for (int i = 0; i < 3; i++) {
            var call = seed.call("2026-04-02T11:%02d:00".formatted(i * 10)).language("tg");
            (i < 1 ? call.answered(15, 90, op) : call.abandonedInMenu()).insert();
        }
        ReportGenerator generator = new ReportGenerator(database.dsl(), ReportConfig.from(settings),
                TestDatabase.at("2026-04-03T00:30:00"), new SimpleMeterRegistry());
        Path folder = generator.generate(Period.day(DAY, Seed.KABUL), "nightly", false).orElseThrow();
        html = Jsoup.parse(ReportFiles.read(folder.resolve("report.html")));
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void oneChartPerChartSectionAndNoneElsewhere() {
        List<Element> chartSections = html.select("section.chart-section");
        assertThat(chartSections).extracting(Element::id).containsExactly("outcomes", "by-language", "by-hour",
                "signals", "trafficking-types", "forms", "referrals");
        for (Element section : chartSections) {
            assertThat(section.select("svg")).as(section.id()).hasSize(1);
            assertThat(section.select("figure.chart")).hasSize(1);
        }
        assertThat(html.select("section.tables svg")).isEmpty();
        assertThat(html.select("svg")).hasSize(chartSections.size());
    }

    @Test
    void barsByHourHaveTheTableFigures() {
        Map<String, Double> bars = bars("by-hour");
        // Offered 12 and 7, answered 8 and 5 are drawn to scale; 11:00 (3 offered, 1 answered) has no bar.
        assertThat(bars.keySet()).containsExactly("Offered|09", "Answered|09", "Offered|10", "Answered|10");
        double unit = bars.get("Offered|09") / 12;
        assertThat(bars.get("Answered|09")).isCloseTo(8 * unit, within());
        assertThat(bars.get("Offered|10")).isCloseTo(7 * unit, within());
        assertThat(bars.get("Answered|10")).isCloseTo(5 * unit, within());
        assertThat(labels("by-hour")).containsExactly("12", "8", "7", "5", "<5", "<5");
        assertThat(ReportFiles.htmlTable(html, "by-hour")).extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
                .containsExactly("Hour Offered Answered", "09:00 12 8", "10:00 7 5", "11:00 <5 <5");
    }

    @Test
    void barsByLanguageNameTheLanguagesInTheirOwnScript() {
        Map<String, Double> bars = bars("by-language");
        assertThat(bars.keySet()).containsExactly("Offered|Dari دری", "Answered|Dari دری", "Offered|Pashto پښتو",
                "Answered|Pashto پښتو");
        assertThat(bars.get("Offered|Pashto پښتو") / bars.get("Offered|Dari دری")).isCloseTo(7 / 12.0, within());
        assertThat(html.select("figure[data-chart=by-language] text").eachText()).contains("Dari دری",
                "Tajik Тоҷикӣ");
    }

    @Test
    void chartsNeedNoInlineStyle() {
        assertThat(html.select("svg [style]")).isEmpty();
        assertThat(html.select("figure[data-chart=by-hour] rect[fill]")).isNotEmpty();
    }

    /** Bar heights by "series|category", in drawing order, from JFreeChart's per-item groups. */
    private Map<String, Double> bars(String chart) {
        Map<String, Double> bars = new LinkedHashMap<>();
        for (Element group : html.select("figure[data-chart=" + chart + "] g[data-ref]")) {
            String ref = group.attr("data-ref");
            Element rect = group.selectFirst("rect");
            if (rect == null || !ref.contains("rowKey")) {
                continue;
            }
            String series = ref.replaceAll(".*\"rowKey\": \"([^\"]*)\".*", "$1");
            String category = ref.replaceAll(".*\"columnKey\": \"([^\"]*)\".*", "$1");
            bars.put(series + "|" + category, Double.parseDouble(rect.attr("height")));
        }
        return bars;
    }

    /** The bars' value labels: the texts drawn inside the plot area, in drawing order. */
    private List<String> labels(String chart) {
        return html.select("figure[data-chart=" + chart + "] text").stream()
                .filter(t -> t.attr("clip-path").contains("clip-2")).map(Element::text).toList();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.01);
    }
}
