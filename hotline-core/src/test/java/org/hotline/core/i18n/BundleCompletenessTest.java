package org.hotline.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build-time check of the shipped bundles: every key in every language, no placeholder missing or extra, every
 * text parses as ICU MessageFormat, plurals cover CLDR's categories for the language. A bad translation fails
 * the build here, before any screen or report could show a raw key.
 */
class BundleCompletenessTest {

    @Test
    void everyShippedLanguageIsComplete() {
        Map<UiLanguage, Completeness.Report> reports = Completeness.check();
        System.out.print(Completeness.text(reports));
        assertThat(reports).hasSize(UiLanguage.values().length);
        for (Completeness.Report report : reports.values()) {
            assertThat(report.keys()).as("English keys").isGreaterThan(100);
            assertThat(report.problems()).as(report.language().code()).isEmpty();
            assertThat(report.machine() + report.unreviewed() + report.reviewed()).isEqualTo(report.keys());
        }
    }

    @Test
    void translationsWrittenWithoutANativeReaderAreNotMarkedReviewed() {
        // Honest labelling: nobody who reads these languages has reviewed them yet.
        for (UiLanguage language : UiLanguage.values()) {
            if (language != UiLanguage.ENGLISH) {
                assertThat(Completeness.check().get(language).reviewed()).as(language.code()).isZero();
            }
        }
    }

    @Test
    void aMissingKeyIsReportedAndFallsBackToEnglishCounted() {
        Bundle english = Bundle.parse(UiLanguage.ENGLISH, """
                {"language": "en", "state": "reviewed", "messages": {"a": "Calls", "b": "{n} calls"}}""");
        Bundle dari = Bundle.parse(UiLanguage.DARI, """
                {"language": "prs", "state": "machine", "messages": {"a": "تماس‌ها"}}""");
        Bundles bundles = new Bundles(Map.of(UiLanguage.ENGLISH, english, UiLanguage.DARI, dari));

        assertThat(bundles.messages(UiLanguage.DARI).format("b", "n", 3)).isEqualTo("3 calls");
        assertThat(bundles.fallbacks()).isEqualTo(1);
        assertThat(bundles.messages(UiLanguage.DARI).text("a")).isEqualTo("تماس‌ها");
        assertThat(bundles.fallbacks()).isEqualTo(1);
        var report = Completeness.check(UiLanguage.DARI, english.entries(), dari.entries());
        assertThat(report.missing()).containsExactly("b");
        assertThat(report.problems()).containsExactly("b: missing");
        assertThat(bundles.clientJson(UiLanguage.DARI).getJsonObject("messages").getString("b")).isEqualTo("{n} calls");
    }

    @Test
    void aPlaceholderMissingOrExtraABadPatternAndAThinPluralAreProblems() {
        var english = Bundle.parse(UiLanguage.ENGLISH, """
                {"language": "en", "messages": {
                  "p": "{from} to {to}", "q": "{n, plural, one {# day} other {# days}}", "r": "Hello {name}"}}""");
        var russian = Bundle.parse(UiLanguage.RUSSIAN, """
                {"language": "ru", "messages": {
                  "p": "с {from} до {until}", "q": "{n, plural, one {# день} other {# дней}}", "r": "Привет {name"}}""");
        var report = Completeness.check(UiLanguage.RUSSIAN, english.entries(), russian.entries());
        assertThat(report.problems()).hasSize(3);
        assertThat(report.problems().get(0)).startsWith("p: placeholders missing [to] extra [until]");
        assertThat(report.problems().get(1)).startsWith("q: a plural lacks the categories [few, many]");
        assertThat(report.problems().get(2)).startsWith("r: does not parse as ICU MessageFormat");
        assertThat(report.unreviewed()).isEqualTo(3);
    }

    @Test
    void pluralsFollowCldrRulesOfTheLanguage() {
        Messages russian = Messages.of(UiLanguage.RUSSIAN);
        assertThat(russian.format("report.range", "from", "a", "to", "b", "days", 1)).contains("1 день");
        assertThat(russian.format("report.range", "from", "a", "to", "b", "days", 3)).contains("3 дня");
        assertThat(russian.format("report.range", "from", "a", "to", "b", "days", 5)).contains("5 дней");
        assertThat(Messages.english().format("report.range", "from", "a", "to", "b", "days", 1))
                .isEqualTo("a to b (1 day)");
        // Dari counts in its own digits (CLDR's default numbering for fa_AF).
        assertThat(Messages.of(UiLanguage.DARI).format("report.range", "from", "a", "to", "b", "days", 12))
                .contains("۱۲ روز");
    }

    @Test
    void theClientGetsALanguageAsOneJsonObject() {
        var json = Bundles.shipped().clientJson(UiLanguage.PASHTO);
        assertThat(json.getString("language")).isEqualTo("ps");
        assertThat(json.getString("dir")).isEqualTo("rtl");
        assertThat(json.getJsonObject("messages").size())
                .isEqualTo(Completeness.check().get(UiLanguage.ENGLISH).keys());
    }
}
