package org.hotline.dispatch.hours;

import java.time.LocalTime;

/**
 * Part of one local day when the hotline is open: from {@code from} (inclusive) to {@code to} (exclusive), both in
 * minutes after local midnight. {@code to} may be 1440 (24:00, the end of the day). An interval never crosses
 * midnight: a night shift is entered as two intervals, 22:00-24:00 on one day and 00:00-06:00 on the next, which
 * {@link OpeningHours} treats as one unbroken opening.
 */
public record Interval(int from, int to) {
    /** Minutes in a local day; {@code to} may be this (24:00). */
    public static final int MINUTES_PER_DAY = 24 * 60;
    /** The whole day, 00:00-24:00. */
    public static final Interval ALL_DAY = new Interval(0, MINUTES_PER_DAY);

    public Interval {
        if (from < 0 || from >= MINUTES_PER_DAY || to <= from || to > MINUTES_PER_DAY) {
            throw new IllegalArgumentException("an opening interval must lie within one day and end after it starts");
        }
    }

    /** Whether the minute of the day {@code minute} is inside. */
    boolean contains(int minute) {
        return minute >= from && minute < to;
    }

    /** Whether the two share a minute (touching intervals, 08:00-12:00 and 12:00-16:00, do not). */
    public boolean overlaps(Interval other) {
        return from < other.to && other.from < to;
    }

    LocalTime start() {
        return LocalTime.of(from / 60, from % 60);
    }

    /** "08:00-16:30", as the screen writes it. */
    @Override
    public String toString() {
        return clock(from) + "-" + clock(to);
    }

    /** Minutes after midnight as HH:mm; 1440 is 24:00. */
    public static String clock(int minutes) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
