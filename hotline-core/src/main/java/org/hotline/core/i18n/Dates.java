package org.hotline.core.i18n;

import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * Dates as people of each language read them, by ICU4J. The arithmetic of the solar Hijri calendar is ICU's
 * {@link PersianCalendar} (the same arithmetic calendar Afghanistan uses, 1 Hamal = the March equinox day).
 *
 * <p>Every date here is a <em>local</em> day: callers turn an instant into a day in the hotline's zone first
 * ({@link #day(Instant, ZoneId)}), so a report's days begin at local midnight in Kabul, not in UTC.
 *
 * <p>Month names and digits come from CLDR: for Dari ({@code fa_AF}) حمل ثور جوزا ... حوت, for Pashto
 * ({@code ps_AF}) وری غویی غبرگولی ... کب, both with Eastern Arabic-Indic digits (۱۴۰۳), CLDR's default numbering
 * for those locales. CLDR has Afghanistan's names in no other language (English gets Iran's Farvardin), so
 * solar Hijri dates in any other language use the Latin names Hamal, Sawr ... Hut with Latin digits.
 */
public final class Dates {
    private static final TimeZone UTC = TimeZone.GMT_ZONE;

    private Dates() {
    }

    /** The local day of an instant in the hotline's zone. */
    public static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /** A Gregorian day in the solar Hijri calendar. */
    public static SolarHijriDate toSolarHijri(LocalDate date) {
        PersianCalendar calendar = new PersianCalendar(UTC);
        calendar.setTime(midnightUtc(date));
        return new SolarHijriDate(calendar.get(Calendar.EXTENDED_YEAR), calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.DAY_OF_MONTH));
    }

    /** A solar Hijri day in the Gregorian calendar. */
    public static LocalDate fromSolarHijri(SolarHijriDate date) {
        PersianCalendar calendar = new PersianCalendar(UTC);
        calendar.clear();
        calendar.set(Calendar.EXTENDED_YEAR, date.year());
        calendar.set(Calendar.MONTH, date.month() - 1);
        calendar.set(Calendar.DAY_OF_MONTH, date.day());
        return LocalDate.ofEpochDay(Math.floorDiv(calendar.getTimeInMillis(), 86_400_000L));
    }

    /**
     * A day with its month named, in a language and calendar: "20 March 2024" style in English Gregorian,
     * "۱ حمل ۱۴۰۳" in Dari solar Hijri, "1 Hamal 1403" in English solar Hijri.
     */
    public static String format(LocalDate date, UiLanguage language, DateCalendar calendar) {
        if (calendar == DateCalendar.SOLAR_HIJRI && !hasAfghanMonths(language)) {
            SolarHijriDate d = toSolarHijri(date);
            return d.day() + " " + d.latinMonth() + " " + d.year();
        }
        ULocale locale = locale(language, calendar);
        // Dari and Pashto read day, month, year; CLDR's Pashto Persian pattern leads with an era ("AP"), so
        // Afghan dates take the pattern CLDR gives both for their Gregorian dates.
        String pattern = hasAfghanMonths(language) ? "d MMMM y"
                : DateTimePatternGenerator.getInstance(locale).getBestPattern("yMMMMd");
        SimpleDateFormat format = new SimpleDateFormat(pattern, locale);
        format.setTimeZone(UTC);
        return format.format(midnightUtc(date));
    }

    /** A day by its number, "2024-03-20" as ISO or its solar Hijri "1403-01-01", in the language's digits. */
    public static String numeric(LocalDate date, UiLanguage language, DateCalendar calendar) {
        if (calendar == DateCalendar.GREGORIAN) {
            return digits(date.toString(), language);
        }
        SolarHijriDate d = toSolarHijri(date);
        String text = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", d.year(), d.month(), d.day());
        return hasAfghanMonths(language) ? digits(text, language) : text;
    }

    /** Latin digits in {@code text} written in the language's default digits (CLDR's numbering system). */
    public static String digits(String text, UiLanguage language) {
        String zero = NumberFormat.getInstance(language.locale()).format(0);
        if (zero.equals("0")) {
            return text;
        }
        int base = zero.codePointAt(0);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c >= '0' && c <= '9' ? base + (c - '0') : c));
        return out.toString();
    }

    private static boolean hasAfghanMonths(UiLanguage language) {
        return language == UiLanguage.DARI || language == UiLanguage.PASHTO;
    }

    private static ULocale locale(UiLanguage language, DateCalendar calendar) {
        return language.locale().setKeywordValue("calendar",
                calendar == DateCalendar.SOLAR_HIJRI ? "persian" : "gregorian");
    }

    private static Date midnightUtc(LocalDate date) {
        return new Date(date.toEpochDay() * 86_400_000L);
    }
}
