package org.hotline.agi.call;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.hotline.agi.prompts.Prompt;

/**
 * What an out-of-hours caller hears about the next opening, built from our own prompts because Asterisk's Say
 * applications do not speak the callers' languages: "The hotline is closed now. It opens again:" + a day + an hour,
 * for example closed-now, day-tomorrow, hour-8. Pure.
 *
 * <p>The day is today, tomorrow, or a weekday name within the coming week; an opening further away (a long holiday)
 * or none at all is not announced, and the caller hears the plain "nobody can answer now" instead. Routing sends the
 * opening already rounded to a whole hour; a minute part here is dropped.
 */
final class ClosedAnnouncement {
    private static final int WEEKDAY_NAMES_WITHIN_DAYS = 6;
    private static final Map<DayOfWeek, Prompt> DAYS = Map.of(DayOfWeek.MONDAY, Prompt.DAY_MONDAY,
            DayOfWeek.TUESDAY, Prompt.DAY_TUESDAY, DayOfWeek.WEDNESDAY, Prompt.DAY_WEDNESDAY,
            DayOfWeek.THURSDAY, Prompt.DAY_THURSDAY, DayOfWeek.FRIDAY, Prompt.DAY_FRIDAY,
            DayOfWeek.SATURDAY, Prompt.DAY_SATURDAY, DayOfWeek.SUNDAY, Prompt.DAY_SUNDAY);

    private ClosedAnnouncement() {
    }

    /** The sound files to play, in order, for a caller refused as closed at {@code now}. */
    static List<String> files(Instant opensAt, Instant now, ZoneId zone) {
        if (opensAt == null || !opensAt.isAfter(now)) {
            return List.of(Prompt.CLOSED.file());
        }
        ZonedDateTime opening = opensAt.atZone(zone);
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, zone), opening.toLocalDate());
        if (days > WEEKDAY_NAMES_WITHIN_DAYS) {
            return List.of(Prompt.CLOSED.file());
        }
        Prompt day = days == 0 ? Prompt.DAY_TODAY : days == 1 ? Prompt.DAY_TOMORROW
                : DAYS.get(opening.getDayOfWeek());
        return List.of(Prompt.CLOSED_NOW.file(), day.file(), Prompt.hourFile(opening.getHour()));
    }
}
