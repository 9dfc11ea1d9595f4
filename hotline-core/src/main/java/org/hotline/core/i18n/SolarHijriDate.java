package org.hotline.core.i18n;

/**
 * A day of the solar Hijri calendar as Afghanistan uses it.
 *
 * @param year  the solar Hijri year (1403 began on 20 March 2024)
 * @param month 1 = Hamal (حمل) ... 12 = Hut (حوت)
 * @param day   1 to 31
 */
public record SolarHijriDate(int year, int month, int day) {
    /** Afghanistan's month names in Latin letters, for pages that are not in Dari or Pashto. */
    static final String[] LATIN_MONTHS = {"Hamal", "Sawr", "Jawza", "Saratan", "Asad", "Sunbula", "Mizan",
        "Aqrab", "Qaws", "Jadi", "Dalw", "Hut"};

    /** The month's name in Latin letters: Hamal, Sawr, ... Hut. */
    public String latinMonth() {
        return LATIN_MONTHS[month - 1];
    }
}
