package org.hotline.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Solar Hijri conversions by ICU's Persian calendar, against known dates, and Afghanistan's month names. */
class DatesTest {
    private static final ZoneId KABUL = ZoneId.of("Asia/Kabul");

    @ParameterizedTest(name = "1 Hamal {0} = {1}")
    @CsvSource({
        "1403, 2024-03-20",
        "1404, 2025-03-21",
        "1402, 2023-03-21",
        "1401, 2022-03-21",
        "1400, 2021-03-21",
        "1399, 2020-03-20",
        "1405, 2026-03-21"})
    void nowruzIsTheFirstOfHamal(int year, String gregorian) {
        LocalDate day = LocalDate.parse(gregorian);
        assertThat(Dates.toSolarHijri(day)).isEqualTo(new SolarHijriDate(year, 1, 1));
        assertThat(Dates.fromSolarHijri(new SolarHijriDate(year, 1, 1))).isEqualTo(day);
        assertThat(Dates.toSolarHijri(day.minusDays(1)).month()).isEqualTo(12);
    }

    @Test
    void otherKnownDays() {
        // 1403 was a leap year: Hut had 30 days. Jadi 1 falls on the winter solstice.
        assertThat(Dates.toSolarHijri(LocalDate.parse("2025-03-20"))).isEqualTo(new SolarHijriDate(1403, 12, 30));
        assertThat(Dates.toSolarHijri(LocalDate.parse("2024-12-21"))).isEqualTo(new SolarHijriDate(1403, 10, 1));
        assertThat(Dates.toSolarHijri(LocalDate.parse("2024-08-19"))).isEqualTo(new SolarHijriDate(1403, 5, 29));
    }

    @Test
    void theDayBeginsAtMidnightInKabulNotInUtc() {
        // 20:00 UTC on 19 March 2024 is 00:30 on 20 March in Kabul (UTC+4:30): already 1 Hamal 1403 there.
        Instant at = Instant.parse("2024-03-19T20:00:00Z");
        assertThat(Dates.toSolarHijri(Dates.day(at, KABUL))).isEqualTo(new SolarHijriDate(1403, 1, 1));
        assertThat(Dates.toSolarHijri(Dates.day(at, ZoneOffset.UTC))).isEqualTo(new SolarHijriDate(1402, 12, 29));
        // And 19:29 UTC is still 23:59 on the last day of 1402 in Kabul.
        assertThat(Dates.toSolarHijri(Dates.day(Instant.parse("2024-03-19T19:29:59Z"), KABUL)).year()).isEqualTo(1402);
    }

    @Test
    void dariAndPashtoUseAfghanistansMonthNamesFromCldrInTheirOwnDigits() {
        LocalDate nowruz = LocalDate.parse("2024-03-20");
        assertThat(Dates.format(nowruz, UiLanguage.DARI, DateCalendar.SOLAR_HIJRI)).isEqualTo("۱ حمل ۱۴۰۳");
        assertThat(Dates.format(nowruz, UiLanguage.PASHTO, DateCalendar.SOLAR_HIJRI)).isEqualTo("۱ وری ۱۴۰۳");
        String[] dari = {"حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت"};
        for (int month = 1; month <= 12; month++) {
            LocalDate day = Dates.fromSolarHijri(new SolarHijriDate(1403, month, 10));
            assertThat(Dates.format(day, UiLanguage.DARI, DateCalendar.SOLAR_HIJRI)).as("month " + month)
                    .contains(dari[month - 1]).doesNotContain("فروردین");
        }
        // Not Iran's names: Farvardin is Hamal in Afghanistan.
        assertThat(Dates.format(nowruz, UiLanguage.ENGLISH, DateCalendar.SOLAR_HIJRI)).isEqualTo("1 Hamal 1403");
        assertThat(Dates.format(LocalDate.parse("2025-03-20"), UiLanguage.ENGLISH, DateCalendar.SOLAR_HIJRI))
                .isEqualTo("30 Hut 1403");
    }

    @Test
    void gregorianDatesInEachLanguage() {
        LocalDate day = LocalDate.parse("2024-03-20");
        assertThat(Dates.format(day, UiLanguage.ENGLISH, DateCalendar.GREGORIAN)).isEqualTo("March 20, 2024");
        assertThat(Dates.format(day, UiLanguage.DARI, DateCalendar.GREGORIAN)).isEqualTo("۲۰ مارچ ۲۰۲۴");
        assertThat(Dates.format(day, UiLanguage.RUSSIAN, DateCalendar.GREGORIAN)).startsWith("20 марта 2024");
        assertThat(Dates.numeric(day, UiLanguage.DARI, DateCalendar.SOLAR_HIJRI)).isEqualTo("۱۴۰۳-۰۱-۰۱");
        assertThat(Dates.numeric(day, UiLanguage.ENGLISH, DateCalendar.SOLAR_HIJRI)).isEqualTo("1403-01-01");
    }

    @Test
    void languagesAndCalendarsByName() {
        assertThat(UiLanguage.byCode("fa-AF")).contains(UiLanguage.DARI);
        assertThat(UiLanguage.byCode("ps-AF")).contains(UiLanguage.PASHTO);
        assertThat(UiLanguage.byCode("xx")).isEmpty();
        assertThat(DateCalendar.parse("solar-hijri")).isEqualTo(DateCalendar.SOLAR_HIJRI);
        assertThat(DateCalendar.parse("persian")).isEqualTo(DateCalendar.SOLAR_HIJRI);
        assertThat(UiLanguage.DARI.defaultCalendar()).isEqualTo(DateCalendar.SOLAR_HIJRI);
        assertThat(UiLanguage.URDU.defaultCalendar()).isEqualTo(DateCalendar.GREGORIAN);
    }
}
