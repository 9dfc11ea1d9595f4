package org.hotline.reports.render;

import org.hotline.core.i18n.DateCalendar;
import org.hotline.core.i18n.UiLanguage;

/**
 * The language and calendar a report is written in. English and Gregorian by default; Dari and Pashto read
 * solar Hijri dates, with the Gregorian date alongside so a report shared abroad is still read right. The CSVs
 * are the same in every language: English machine headers and labels, ISO dates.
 */
public record ReportLanguage(UiLanguage language, DateCalendar calendar) {
    public static final ReportLanguage ENGLISH = new ReportLanguage(UiLanguage.ENGLISH, DateCalendar.GREGORIAN);

    /** A language in its own default calendar (solar Hijri for Dari and Pashto, else Gregorian). */
    public static ReportLanguage of(UiLanguage language) {
        return new ReportLanguage(language, language.defaultCalendar());
    }

    /** The suffix of this language's stored HTML beside {@code report.html}: {@code report.prs.html}. */
    public String fileName() {
        return "report." + language.code() + ".html";
    }
}
