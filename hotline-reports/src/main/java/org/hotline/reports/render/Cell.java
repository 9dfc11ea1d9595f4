package org.hotline.reports.render;

import java.time.Instant;
import java.time.ZoneId;
import org.hotline.core.call.Language;

/**
 * One table cell, as shown in the HTML and written to the CSV: the same text in both, except times and days
 * (people read the hotline's local time in the report's language and calendar, programs ISO 8601) and labels
 * (the report's language on the page, English in the CSV).
 *
 * @param text    what is shown (counts under 5 are already "<5")
 * @param lang    the BCP 47 language of the text when it is not the page's (native language names), else null
 * @param rtl     whether the text runs right to left (Dari, Pashto and Urdu names)
 * @param numeric whether it is a figure (aligned to the end, isolated left to right in a right-to-left page)
 * @param csv     what the CSV holds instead of {@code text}, or null for the same
 * @param ltr     a time, date or code that must not be reordered inside right-to-left text (isolated)
 */
public record Cell(String text, String lang, boolean rtl, boolean numeric, String csv, boolean ltr) {

    public static Cell text(String text) {
        return new Cell(text, null, false, false, null, false);
    }

    /** A label: {@code shown} on the page, {@code machine} (English) in the CSV. */
    public static Cell label(String shown, String machine) {
        return new Cell(shown, null, false, false, machine.equals(shown) ? null : machine, false);
    }

    /** A code or identifier (a referral id): Latin, kept left to right in any page. */
    public static Cell code(String text) {
        return new Cell(text, null, false, false, null, true);
    }

    public static Cell figure(String text) {
        return new Cell(text, null, false, true, null, false);
    }

    /** A language's own name, marked with its language and direction so browsers lay it out right. */
    public static Cell nativeName(Language language) {
        return new Cell(language.nativeName(), language.code(), language.rightToLeft(), false, null, false);
    }

    /** A time: local and 24-hour on the page ({@link Times#local}), ISO 8601 with the offset in the CSV. */
    public static Cell time(Instant at, ZoneId zone) {
        return new Cell(Times.local(at, zone), null, false, false, Times.iso(at, zone), true);
    }

    /** The CSV's text of this cell. */
    public String csvText() {
        return csv == null ? text : csv;
    }
}
