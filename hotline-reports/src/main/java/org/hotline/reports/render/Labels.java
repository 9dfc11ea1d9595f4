package org.hotline.reports.render;

import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.i18n.DateCalendar;
import org.hotline.core.i18n.Dates;
import org.hotline.core.i18n.Messages;
import org.hotline.core.i18n.UiLanguage;
import org.hotline.core.tip.Choice;
import org.hotline.core.tip.Country;

/**
 * The texts of one report: its language's messages for the page, English for the CSV (whose headers and labels
 * stay the same in every language, so partners' scripts keep working), and its calendar for dates.
 */
final class Labels {
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final ReportLanguage report;
    private final Messages page;
    private final Messages english;

    Labels(ReportLanguage report) {
        this.report = report;
        this.page = Messages.of(report.language());
        this.english = Messages.english();
    }

    ReportLanguage report() {
        return report;
    }

    UiLanguage language() {
        return report.language();
    }

    /** A text of the page. */
    String t(String key, Object... namesAndValues) {
        return page.format(key, namesAndValues);
    }

    /** The English text, for the CSV. */
    String en(String key, Object... namesAndValues) {
        return english.format(key, namesAndValues);
    }

    /** Whether the bundles have {@code key}. */
    boolean has(String key) {
        return page.has(key);
    }

    /** A label cell: the page's language on the page, English in the CSV. */
    Cell label(String key, Object... namesAndValues) {
        return Cell.label(t(key, namesAndValues), en(key, namesAndValues));
    }

    /**
     * The label of a coded choice (a signal, a country ...): from the bundles under
     * {@code choice.<type>.<code>} where English has that key, else the choice's own English label. Countries
     * are named by CLDR in the report's language. Provinces and regions keep their English names and codes.
     */
    <E extends Enum<E> & Choice> Cell choice(Class<E> type, String code) {
        if (type.equals(Country.class) && code.matches("[A-Z]{2}") && language() != UiLanguage.ENGLISH) {
            // Country names are CLDR's, reviewed for every locale: no translation of ours is needed.
            String english = Choice.byCode(type, code).map(Choice::label).orElse(code);
            return Cell.label(new ULocale("", code).getDisplayCountry(language().locale()), english);
        }
        String key = "choice." + type.getSimpleName() + "." + code;
        if (page.has(key)) {
            return label(key);
        }
        return Choice.byCode(type, code).map(c -> Cell.text(c.label())).orElse(Cell.code(code));
    }

    /** A table whose headers are given by key: translated on the page, English in the CSV. */
    Table table(String id, String title, List<String> headerKeys, List<List<Cell>> rows) {
        List<String> shown = new ArrayList<>();
        List<String> machine = new ArrayList<>();
        for (String key : headerKeys) {
            shown.add(t(key));
            machine.add(en(key));
        }
        return new Table(id, title, shown, rows, machine);
    }

    /**
     * Latin text (a zone name, a figure, an ISO date) kept in its own left-to-right order inside a right-to-left
     * sentence: wrapped in Unicode's isolates (LRI ... PDI), which escape as text and need no markup.
     */
    String ltr(String text) {
        return language().rightToLeft() ? "\u2066" + text + "\u2069" : text;
    }

    /** A day as people of the report's language read it; a solar Hijri day has its Gregorian date alongside. */
    String day(LocalDate date) {
        if (report.equals(ReportLanguage.ENGLISH)) {
            return date.toString();
        }
        String shown = Dates.format(date, language(), report.calendar());
        return report.calendar() == DateCalendar.SOLAR_HIJRI
                ? shown + " (" + Dates.format(date, language(), DateCalendar.GREGORIAN) + ")" : shown;
    }

    /** A day as a chart's short category label: "03-20" (month-day), in the report's calendar and digits. */
    String shortDay(LocalDate date) {
        if (report.equals(ReportLanguage.ENGLISH)) {
            return date.toString().substring(5);
        }
        return Dates.numeric(date, language(), report.calendar()).substring(5);
    }

    /** A day cell: the localised day on the page, ISO in the CSV. */
    Cell dayCell(LocalDate date) {
        return new Cell(day(date), null, false, false, date.toString(), report.equals(ReportLanguage.ENGLISH));
    }

    /** A time cell: the local day and 24-hour time on the page, ISO 8601 with the offset in the CSV. */
    Cell time(Instant at, ZoneId zone) {
        if (report.equals(ReportLanguage.ENGLISH)) {
            return Cell.time(at, zone);
        }
        var local = at.atZone(zone);
        String shown = Dates.format(local.toLocalDate(), language(), report.calendar()) + " "
                + Dates.digits(HOUR_MINUTE.format(local), language());
        return new Cell(shown, null, false, false, Times.iso(at, zone), false);
    }
}
