package org.hotline.reports.render;

import java.time.Instant;
import java.time.ZoneId;
import org.hotline.core.call.Language;

/**
 * One table cell, as shown in the HTML and written to the CSV: the same text in both, except times (people read
 * the hotline's local time, programs ISO 8601 with the offset).
 *
 * @param text    what is shown (counts under 5 are already "<5")
 * @param lang    the BCP 47 language of the text when it is not English (for native language names), else null
 * @param rtl     whether the text runs right to left (Dari, Pashto and Urdu names)
 * @param numeric whether it is a figure (right-aligned)
 * @param csv     what the CSV holds instead of {@code text}, or null for the same
 */
public record Cell(String text, String lang, boolean rtl, boolean numeric, String csv) {

    public static Cell text(String text) {
        return new Cell(text, null, false, false, null);
    }

    public static Cell figure(String text) {
        return new Cell(text, null, false, true, null);
    }

    /** A language's own name, marked with its language and direction so browsers lay it out right. */
    public static Cell nativeName(Language language) {
        return new Cell(language.nativeName(), language.code(), language.rightToLeft(), false, null);
    }

    /** A time: local and 24-hour on the page ({@link Times#local}), ISO 8601 with the offset in the CSV. */
    public static Cell time(Instant at, ZoneId zone) {
        return new Cell(Times.local(at, zone), null, false, false, Times.iso(at, zone));
    }

    /** The CSV's text of this cell. */
    public String csvText() {
        return csv == null ? text : csv;
    }
}
