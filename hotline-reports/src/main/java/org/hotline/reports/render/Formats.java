package org.hotline.reports.render;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How figures are written in everything a report exports. Counts under 5 are "<5", so a small number never
 * points at a caller; a rate or average taken over fewer than 5 calls is not shown at all ("–"), for the same
 * reason.
 */
public final class Formats {
    /** Counts below this are suppressed. */
    public static final int SMALLEST_SHOWN = 5;
    public static final String SUPPRESSED = "<5";
    public static final String NOT_SHOWN = "–";

    private Formats() {
    }

    public static String count(long n) {
        return n < SMALLEST_SHOWN ? SUPPRESSED : Long.toString(n);
    }

    static boolean suppressed(long n) {
        return n < SMALLEST_SHOWN;
    }

    /** A percentage with one decimal, when its base has at least 5 calls. */
    static String percent(OptionalDouble value, long base) {
        if (value.isEmpty() || base < SMALLEST_SHOWN) {
            return NOT_SHOWN;
        }
        return String.format(Locale.ROOT, "%.1f %%", value.getAsDouble());
    }

    /** Seconds with one decimal, for waits, when the base has at least 5 calls. */
    static String seconds(OptionalDouble value, long base) {
        if (value.isEmpty() || base < SMALLEST_SHOWN) {
            return NOT_SHOWN;
        }
        return String.format(Locale.ROOT, "%.1f s", value.getAsDouble());
    }

    /** A wait in milliseconds as seconds with one decimal. */
    static String millis(Long millis) {
        return millis == null ? NOT_SHOWN : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** A time spent, as hours and minutes. */
    static String hoursMinutes(long seconds) {
        long minutes = Math.round(seconds / 60.0);
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    /** A handle time, as minutes and seconds, when the base has at least 5 calls. */
    static String minutesSeconds(OptionalDouble seconds, long base) {
        if (seconds.isEmpty() || base < SMALLEST_SHOWN) {
            return NOT_SHOWN;
        }
        long s = Math.round(seconds.getAsDouble());
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
