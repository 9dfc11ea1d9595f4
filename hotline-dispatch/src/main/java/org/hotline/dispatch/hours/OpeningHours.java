package org.hotline.dispatch.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When the hotline is open: a week of opening intervals per weekday and dated holidays, in the hotline's time zone.
 * Pure: routing asks it whether a new caller is inside opening hours, and when the hotline opens next.
 *
 * <p>A holiday replaces its weekday: it is closed all day (no intervals) or open only in its own intervals. With no
 * weekly schedule at all ({@link #AROUND_THE_CLOCK}'s week) every day that is not a holiday is open all day, which is
 * the hotline's behaviour before any schedule is set. Local times are turned into instants with {@link ZoneId}'s
 * rules, so a zone with daylight saving works too (an opening inside a skipped hour starts when the hour ends).
 *
 * @param zone     the hotline's time zone
 * @param weekly   each weekday's intervals (a missing day is closed), or null for open all day every day
 * @param holidays each holiday's intervals (empty: closed all day)
 */
public record OpeningHours(ZoneId zone, Map<DayOfWeek, List<Interval>> weekly, Map<LocalDate, List<Interval>> holidays) {
    /** How far ahead the next opening is looked for: beyond a year of closed days there is none to announce. */
    private static final int SEARCH_DAYS = 400;
    private static final Comparator<Interval> BY_START = Comparator.comparingInt(Interval::from);

    public OpeningHours {
        if (weekly != null) {
            Map<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
            copy.putAll(weekly);
            weekly = sorted(copy);
        }
        holidays = sorted(new TreeMap<>(holidays));
    }

    /** No weekly schedule and no holidays: always open. */
    public static OpeningHours aroundTheClock(ZoneId zone) {
        return new OpeningHours(zone, null, Map.of());
    }

    /** Whether there is a weekly schedule (rather than open around the clock outside holidays). */
    public boolean hasWeeklySchedule() {
        return weekly != null;
    }

    /** Whether the hotline is open at {@code at}. */
    public boolean isOpen(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        int minute = local.getHour() * 60 + local.getMinute();
        return intervals(local.toLocalDate()).stream().anyMatch(i -> i.contains(minute));
    }

    /**
     * The first instant at or after {@code after} when the hotline is open: {@code after} itself when open then; empty
     * when no day of the next year has an opening.
     */
    public Optional<Instant> nextOpening(Instant after) {
        if (isOpen(after)) {
            return Optional.of(after);
        }
        LocalDate day = LocalDate.ofInstant(after, zone);
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            for (Interval interval : intervals(day)) {
                Instant start = ZonedDateTime.of(day, interval.start(), zone).toInstant();
                if (start.isAfter(after)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The whole hour to tell a caller for an opening at {@code opening}: the opening itself when on the hour, else the
     * next whole hour if the hotline is open then (8:30 is announced as 9, so whoever calls at the announced hour
     * finds it open), else the hour before (an opening 8:30-8:45 is announced as 8). Callers hear hours only, which
     * keeps the prompts to 24 per language.
     */
    public Instant announcedOpening(Instant opening) {
        ZonedDateTime local = opening.atZone(zone);
        ZonedDateTime floor = local.truncatedTo(ChronoUnit.HOURS);
        if (floor.equals(local)) {
            return opening;
        }
        Instant ceiling = floor.plus(Duration.ofHours(1)).toInstant();
        return isOpen(ceiling) ? ceiling : floor.toInstant();
    }

    /** The intervals in force on {@code day}, by start. */
    public List<Interval> intervals(LocalDate day) {
        List<Interval> holiday = holidays.get(day);
        if (holiday != null) {
            return holiday;
        }
        if (weekly == null) {
            return List.of(Interval.ALL_DAY);
        }
        return weekly.getOrDefault(day.getDayOfWeek(), List.of());
    }

    private static <K> Map<K, List<Interval>> sorted(Map<K, List<Interval>> days) {
        days.replaceAll((day, intervals) -> intervals.stream().sorted(BY_START).toList());
        return java.util.Collections.unmodifiableMap(days);
    }
}
