package org.hotline.bench;

import java.util.Locale;

/** Number formats for the table: grouped integers, KiB and microseconds with one decimal, ratios. */
final class Format {
    private Format() {
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    static String kib(double bytes) {
        return String.format(Locale.ROOT, "%,.1f KiB", bytes / 1024);
    }

    static String mib(double bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024 * 1024));
    }

    static String micros(double nanos) {
        return String.format(Locale.ROOT, "%,.1f µs", nanos / 1000);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%,.1f s", seconds);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f %%", value);
    }

    /** ours / stock, or a dash when the ratio means nothing (a zero or missing baseline). */
    static String ratio(double ours, double stock) {
        if (!Double.isFinite(ours) || !Double.isFinite(stock) || stock == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", ours / stock);
    }
}
