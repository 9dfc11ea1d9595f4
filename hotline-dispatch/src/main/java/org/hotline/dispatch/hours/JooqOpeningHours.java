package org.hotline.dispatch.hours;

import static org.hotline.core.db.Tables.HOLIDAYS;
import static org.hotline.core.db.Tables.HOLIDAY_INTERVALS;
import static org.hotline.core.db.Tables.OPENING_WEEK;
import static org.hotline.core.db.Tables.OPENING_WEEK_INTERVALS;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.operators.Role;
import org.jooq.DSLContext;

/**
 * The stored opening hours and holidays. Blocking: call it from worker or virtual threads. Every change is written
 * with its audit row in one transaction: no change without its audit.
 */
public final class JooqOpeningHours {
    static final String SUBJECT = "opening-hours";
    private static final int ROW = 1;

    private final DSLContext dsl;
    private final ZoneId zone;

    public JooqOpeningHours(DSLContext dsl, ZoneId zone) {
        this.dsl = dsl;
        this.zone = zone;
    }

    /** The schedule in force; open around the clock when no week was ever set and no holiday is stored. */
    public OpeningHours load() {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Map<DayOfWeek, List<Interval>> week = null;
            if (t.fetchExists(OPENING_WEEK, OPENING_WEEK.ID.eq(ROW))) {
                week = new EnumMap<>(DayOfWeek.class);
                for (var r : t.selectFrom(OPENING_WEEK_INTERVALS).fetch()) {
                    week.computeIfAbsent(DayOfWeek.of(r.getWeekday()), d -> new ArrayList<>())
                            .add(new Interval(r.getOpensMinute(), r.getClosesMinute()));
                }
            }
            Map<LocalDate, List<Interval>> holidays = new HashMap<>();
            for (LocalDate day : t.select(HOLIDAYS.HOLIDAY).from(HOLIDAYS).fetch(HOLIDAYS.HOLIDAY)) {
                holidays.put(day, new ArrayList<>());
            }
            for (var r : t.selectFrom(HOLIDAY_INTERVALS).fetch()) {
                holidays.get(r.getHoliday()).add(new Interval(r.getOpensMinute(), r.getClosesMinute()));
            }
            return new OpeningHours(zone, week, holidays);
        });
    }

    /** Replaces the weekly schedule; null removes it (open around the clock outside holidays). */
    void saveWeek(Map<DayOfWeek, List<Interval>> week, String managerId, Role role, Instant at) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(OPENING_WEEK_INTERVALS).execute();
            t.deleteFrom(OPENING_WEEK).execute();
            if (week != null) {
                t.insertInto(OPENING_WEEK).set(OPENING_WEEK.ID, ROW)
                        .set(OPENING_WEEK.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                        .set(OPENING_WEEK.UPDATED_BY, managerId).execute();
                week.forEach((day, intervals) -> intervals.forEach(i -> t.insertInto(OPENING_WEEK_INTERVALS)
                        .set(OPENING_WEEK_INTERVALS.WEEKDAY, day.getValue())
                        .set(OPENING_WEEK_INTERVALS.OPENS_MINUTE, i.from())
                        .set(OPENING_WEEK_INTERVALS.CLOSES_MINUTE, i.to()).execute()));
            }
            new JooqAuditTrail(t).record(AuditEvent.by(at, managerId, role, AuditAction.OPENING_HOURS_SET, SUBJECT));
        });
    }

    /** Adds a holiday, or replaces the one on that date. */
    void saveHoliday(HoursForm.Holiday holiday, String managerId, Role role, Instant at) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(HOLIDAYS).where(HOLIDAYS.HOLIDAY.eq(holiday.date())).execute();
            t.insertInto(HOLIDAYS).set(HOLIDAYS.HOLIDAY, holiday.date())
                    .set(HOLIDAYS.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                    .set(HOLIDAYS.UPDATED_BY, managerId).execute();
            for (Interval i : holiday.intervals()) {
                t.insertInto(HOLIDAY_INTERVALS).set(HOLIDAY_INTERVALS.HOLIDAY, holiday.date())
                        .set(HOLIDAY_INTERVALS.OPENS_MINUTE, i.from())
                        .set(HOLIDAY_INTERVALS.CLOSES_MINUTE, i.to()).execute();
            }
            new JooqAuditTrail(t).record(AuditEvent.by(at, managerId, role, AuditAction.HOLIDAY_SET,
                    holiday.date().toString()));
        });
    }

    /** Removes the holiday on {@code date}; false when there was none (nothing is audited then). */
    boolean removeHoliday(LocalDate date, String managerId, Role role, Instant at) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            if (t.deleteFrom(HOLIDAYS).where(HOLIDAYS.HOLIDAY.eq(date)).execute() == 0) {
                return false;
            }
            new JooqAuditTrail(t).record(AuditEvent.by(at, managerId, role, AuditAction.HOLIDAY_REMOVED,
                    date.toString()));
            return true;
        });
    }
}
