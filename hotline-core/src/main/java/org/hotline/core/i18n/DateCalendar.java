package org.hotline.core.i18n;

import java.util.Arrays;
import java.util.Locale;

/** The calendars dates are shown in: Gregorian, or Afghanistan's solar Hijri (ICU's Persian calendar). */
public enum DateCalendar {
    GREGORIAN("gregorian"),
    SOLAR_HIJRI("solar-hijri");

    private final String id;

    DateCalendar(String id) {
        this.id = id;
    }

    /** How settings, flags and query parameters name it: {@code gregorian} or {@code solar-hijri}. */
    public String id() {
        return id;
    }

    /** The calendar of a name: {@code gregorian}, {@code solar-hijri} (also {@code persian}, {@code hijri-shamsi}). */
    public static DateCalendar parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("persian") || n.equals("hijri-shamsi") || n.equals("solar_hijri") || n.equals("shamsi")) {
            return SOLAR_HIJRI;
        }
        return Arrays.stream(values()).filter(c -> c.id.equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown calendar '" + name
                        + "' (gregorian or solar-hijri)"));
    }
}
