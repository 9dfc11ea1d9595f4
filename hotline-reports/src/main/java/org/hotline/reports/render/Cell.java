package org.hotline.reports.render;

import org.hotline.core.call.Language;

/**
 * One table cell, as shown in the HTML and written to the CSV: the same text in both.
 *
 * @param text    what is shown (counts under 5 are already "<5")
 * @param lang    the BCP 47 language of the text when it is not English (for native language names), else null
 * @param rtl     whether the text runs right to left (Dari, Pashto and Urdu names)
 * @param numeric whether it is a figure (right-aligned)
 */
public record Cell(String text, String lang, boolean rtl, boolean numeric) {

    public static Cell text(String text) {
        return new Cell(text, null, false, false);
    }

    public static Cell figure(String text) {
        return new Cell(text, null, false, true);
    }

    /** A language's own name, marked with its language and direction so browsers lay it out right. */
    public static Cell nativeName(Language language) {
        return new Cell(language.nativeName(), language.code(), language.rightToLeft(), false);
    }
}
