package org.hotline.dispatch.hours;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.dispatch.api.ApiError;

/**
 * Reads the manager's hours and holiday forms, refusing every wrong field at once (one {@link ApiError#invalid}),
 * so nothing is saved unless all of it is right. Fields are named by JSON path, as the screen marks them:
 * {@code week.mon[1].to}, {@code intervals[0].from}, {@code date}.
 *
 * <p>Times are {@code HH:mm} in the hotline's time zone, {@code 24:00} allowed as an end. An interval must end after
 * it starts, on the same day: a night shift that crosses midnight is refused with a message saying to enter it as
 * two intervals (22:00-24:00, then 00:00-06:00 on the next day), which the schedule treats as one opening.
 */
final class HoursForm {
    /** The week's keys, Monday first, as the screen and the API name them. */
    static final List<String> DAY_KEYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private final List<ApiError> problems = new ArrayList<>();

    private HoursForm() {
    }

    /**
     * The weekly schedule in {@code {week: {mon: [{from, to}], ...}}}; a missing or empty day is closed. A week with
     * no interval at all is refused: removing the schedule (open around the clock) is its own request.
     */
    static Map<DayOfWeek, List<Interval>> week(JsonObject body) {
        HoursForm form = new HoursForm();
        Object raw = body.getValue("week");
        if (!(raw instanceof JsonObject week)) {
            throw ApiError.badRequest("week", "Give the week's opening hours.");
        }
        Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
        int count = 0;
        for (int i = 0; i < DAY_KEYS.size(); i++) {
            String key = DAY_KEYS.get(i);
            List<Interval> intervals = form.intervals(week.getValue(key), "week." + key);
            days.put(DayOfWeek.of(i + 1), intervals);
            count += intervals.size();
        }
        for (String key : week.fieldNames()) {
            if (!DAY_KEYS.contains(key)) {
                form.problems.add(ApiError.badRequest("week." + key, "Unknown day '" + key + "'."));
            }
        }
        if (count == 0 && form.problems.isEmpty()) {
            form.problems.add(ApiError.badRequest("week", "Give at least one opening interval, or choose "
                    + "\"Open around the clock\" to remove the opening hours."));
        }
        form.throwIfAny();
        return days;
    }

    /**
     * A holiday, {@code {date: "yyyy-MM-dd", intervals: [{from, to}]}} (no intervals: closed all day), dated today
     * or later in the hotline's time zone.
     */
    static Holiday holiday(JsonObject body, LocalDate today) {
        HoursForm form = new HoursForm();
        LocalDate date = null;
        Object rawDate = body.getValue("date");
        if (!(rawDate instanceof String text) || text.isBlank()) {
            form.problems.add(ApiError.badRequest("date", "Give the holiday's date."));
        } else {
            try {
                date = LocalDate.parse(text.strip());
                if (date.isBefore(today)) {
                    form.problems.add(ApiError.badRequest("date", "The date " + date + " is in the past; give today ("
                            + today + ") or a later date."));
                }
            } catch (DateTimeParseException e) {
                form.problems.add(ApiError.badRequest("date", "Give the date as yyyy-mm-dd, for example " + today
                        + "."));
            }
        }
        List<Interval> intervals = form.intervals(body.getValue("intervals"), "intervals");
        form.throwIfAny();
        return new Holiday(date, intervals);
    }

    /** A date in a path ({@code /api/hours/holidays/2027-03-21}), or 404. */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiError.notFound("No holiday on that date.");
        }
    }

    private List<Interval> intervals(Object raw, String path) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof JsonArray array)) {
            problems.add(ApiError.badRequest(path, "Give a list of opening intervals."));
            return List.of();
        }
        List<Interval> read = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject item)) {
                problems.add(ApiError.badRequest(at, "Give the interval's start and end."));
                continue;
            }
            Integer from = time(item.getValue("from"), at + ".from", false);
            Integer to = time(item.getValue("to"), at + ".to", true);
            if (from == null || to == null) {
                continue;
            }
            if (to <= from) {
                problems.add(ApiError.badRequest(at + ".to", "The end " + Interval.clock(to)
                        + " is not after the start " + Interval.clock(from) + ". For hours past midnight, end this "
                        + "interval at 24:00 and start one at 00:00 on the next day."));
                continue;
            }
            Interval interval = new Interval(from, to);
            for (int j = 0; j < read.size(); j++) {
                if (read.get(j).overlaps(interval)) {
                    problems.add(ApiError.badRequest(at + ".from", interval + " overlaps " + read.get(j)
                            + "; opening intervals on one day must not overlap."));
                    break;
                }
            }
            read.add(interval);
        }
        return List.copyOf(read);
    }

    private Integer time(Object raw, String path, boolean end) {
        Matcher m = raw instanceof String text ? TIME.matcher(text.strip()) : null;
        if (m != null && m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if ((hour < 24 && minute < 60) || (end && hour == 24 && minute == 0)) {
                return hour * 60 + minute;
            }
        }
        problems.add(ApiError.badRequest(path, String.format(Locale.ROOT, "Give the %s as HH:MM, from 00:00 to %s.",
                end ? "end" : "start", end ? "24:00" : "23:59")));
        return null;
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
    }

    /** A holiday as entered: its date and intervals (empty: closed all day). */
    record Holiday(LocalDate date, List<Interval> intervals) {
    }
}
