package org.hotline.reports.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The local days a report covers, in the hotline's time zone: one day for the nightly report, or a range asked for
 * by hand. Its bounds are instants, so a day in Asia/Kabul runs from 19:30 UTC the day before to 19:30 UTC.
 *
 * @param from the first day
 * @param to   the last day, inclusive
 * @param zone the hotline's time zone
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {
    private static final Pattern ID = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(_\\d{4}-\\d{2}-\\d{2})?");

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static Period day(LocalDate day, ZoneId zone) {
        return new Period(day, day, zone);
    }

    /** The period an id names ({@code 2026-01-31} or {@code 2026-01-01_2026-01-31}), if it is one. */
    public static java.util.Optional<Period> parseId(String id, ZoneId zone) {
        if (id == null || !ID.matcher(id).matches()) {
            return java.util.Optional.empty();
        }
        try {
            String[] parts = id.split("_");
            LocalDate from = LocalDate.parse(parts[0]);
            LocalDate to = parts.length == 2 ? LocalDate.parse(parts[1]) : from;
            return to.isBefore(from) ? java.util.Optional.empty() : java.util.Optional.of(new Period(from, to, zone));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    public boolean singleDay() {
        return from.equals(to);
    }

    /** The name of the report's folder and web path: the day, or {@code from_to}. */
    public String id() {
        return singleDay() ? from.toString() : from + "_" + to;
    }

    /** Local midnight starting the first day. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Local midnight ending the last day (exclusive). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public OffsetDateTime startUtc() {
        return start().atOffset(ZoneOffset.UTC);
    }

    public OffsetDateTime endUtc() {
        return end().atOffset(ZoneOffset.UTC);
    }

    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
