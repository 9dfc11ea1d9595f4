package org.hotline.core.i18n;

import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the staff screens and reports ship in: English (the source) first. Dari has no locale of its
 * own in CLDR ({@code prs} falls back to the root locale there), so it is formatted as {@code fa_AF}, which is
 * where CLDR keeps Afghanistan's Persian: its month names, its digits, its Gregorian month names.
 */
public enum UiLanguage {
    ENGLISH("en", "en", "English", "English", false, DateCalendar.GREGORIAN),
    DARI("prs", "fa_AF", "Dari", "دری", true, DateCalendar.SOLAR_HIJRI),
    PASHTO("ps", "ps_AF", "Pashto", "پښتو", true, DateCalendar.SOLAR_HIJRI),
    URDU("ur", "ur_PK", "Urdu", "اردو", true, DateCalendar.GREGORIAN),
    TAJIK("tg", "tg_TJ", "Tajik", "Тоҷикӣ", false, DateCalendar.GREGORIAN),
    UZBEK("uz", "uz_Latn_UZ", "Uzbek", "Oʻzbek", false, DateCalendar.GREGORIAN),
    TURKMEN("tk", "tk_TM", "Turkmen", "Türkmen", false, DateCalendar.GREGORIAN),
    RUSSIAN("ru", "ru_RU", "Russian", "Русский", false, DateCalendar.GREGORIAN);

    private final String code;
    private final ULocale locale;
    private final String englishName;
    private final String nativeName;
    private final boolean rightToLeft;
    private final DateCalendar calendar;

    UiLanguage(String code, String locale, String englishName, String nativeName, boolean rightToLeft,
               DateCalendar calendar) {
        this.code = code;
        this.locale = new ULocale(locale);
        this.englishName = englishName;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
        this.calendar = calendar;
    }

    /** The code of the bundle file and of {@code lang=""}: en, prs, ps, ur, tg, uz, tk, ru. */
    public String code() {
        return code;
    }

    /** The ICU locale that formats this language's plurals, numbers and dates. */
    public ULocale locale() {
        return locale;
    }

    public Locale javaLocale() {
        return locale.toLocale();
    }

    public String englishName() {
        return englishName;
    }

    public String nativeName() {
        return nativeName;
    }

    /** Whether pages in this language are laid out right to left ({@code dir="rtl"}). */
    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** {@code rtl} or {@code ltr}, for the {@code dir} attribute. */
    public String dir() {
        return rightToLeft ? "rtl" : "ltr";
    }

    /** The calendar people of this language read by default: solar Hijri for Dari and Pashto, else Gregorian. */
    public DateCalendar defaultCalendar() {
        return calendar;
    }

    /** The language of a code (case-insensitive; {@code fa-AF} and {@code fa} are taken as Dari). */
    public static Optional<UiLanguage> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (c.equals("fa") || c.startsWith("fa-")) {
            return Optional.of(DARI);
        }
        String primary = c.contains("-") ? c.substring(0, c.indexOf('-')) : c;
        return Arrays.stream(values()).filter(l -> l.code.equals(primary)).findFirst();
    }

    /** The language of a configured code; an unknown one is a configuration error. */
    public static UiLanguage requireCode(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException("unknown language '" + code
                + "' (one of " + String.join(", ", Arrays.stream(values()).map(UiLanguage::code).toList()) + ")"));
    }
}
