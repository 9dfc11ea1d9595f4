package org.hotline.dispatch.tips;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.hotline.core.tip.Choice;
import org.hotline.core.tip.Country;
import org.hotline.core.tip.Signal;
import org.hotline.core.tip.TraffickingType;
import org.hotline.core.tip.Urgency;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.screen.SignedIn;

/**
 * The tip list's query parameters: {@code from} and {@code to} (dates, inclusive, in the hotline's time zone),
 * {@code signal}, {@code traffickingType}, {@code country}, {@code urgency} and {@code limit}. An operator's list
 * is always narrowed to their own tips, whatever they ask.
 */
final class TipFilters {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final ZoneId zone;

    TipFilters(ZoneId zone) {
        this.zone = zone;
    }

    TipQuery read(MultiMap params, SignedIn who) {
        LocalDate from = param(params, "from", this::date);
        LocalDate to = param(params, "to", this::date);
        Integer limit = param(params, "limit", TipFilters::number);
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ApiError.badRequest("limit", "The limit must be from 1 to " + MAX_LIMIT + ".");
        }
        return new TipQuery(who.role().canManage() ? null : who.operatorId(),
                from == null ? null : start(from), to == null ? null : start(to.plusDays(1)),
                param(params, "signal", code -> Choice.byCode(Signal.class, code).orElse(null)),
                param(params, "traffickingType", code -> Choice.byCode(TraffickingType.class, code).orElse(null)),
                param(params, "country", code -> Choice.byCode(Country.class, code).orElse(null)),
                param(params, "urgency", code -> Choice.byCode(Urgency.class, code).orElse(null)),
                limit == null ? DEFAULT_LIMIT : limit);
    }

    /** The first instant of a local day in the hotline's zone (Kabul's half-hour offset included). */
    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer number(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Absent or blank means no filter; a value that does not parse is refused, naming the parameter. */
    private static <T> T param(MultiMap params, String name, Function<String, T> parse) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        T parsed = parse.apply(value.trim());
        if (parsed == null) {
            throw ApiError.badRequest(name, "This filter value is not valid.");
        }
        return parsed;
    }
}
