package org.hotline.reports.figures;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.DAILY_OPERATOR_AGGREGATES;
import static org.hotline.core.db.Tables.OPERATOR_STATES;
import static org.hotline.reports.figures.Sql.countIf;
import static org.hotline.reports.figures.Sql.sumIf;
import static org.hotline.reports.figures.Sql.at;
import static org.jooq.impl.DSL.inline;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.core.call.CallOutcome;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Per operator and day: answered calls and their talk time (from the calls), and the time spent available (from
 * the state history). Both are aggregated in the database; the two short per-operator results are joined here by
 * operator id and written as one row each.
 */
final class OperatorFold {
    private static final String AVAILABLE = "available";
    /**
     * How far before local midnight an operator's last state is looked for. Bounded so a fold reads one day of
     * history, not years of it; an operator with no change for a whole day is not counted available.
     */
    static final java.time.Duration LOOK_BACK = java.time.Duration.ofHours(24);

    private final Clock clock;

    OperatorFold(Clock clock) {
        this.clock = clock;
    }

    void fold(DSLContext db, Period period) {
        Map<String, long[]> rows = new TreeMap<>();
        // Answered is counted inside the aggregate, not filtered in WHERE: given that condition, H2 reads every
        // answered call ever made through the outcome index instead of the day's calls through the time index.
        var answered = CALLS.OUTCOME.eq(inline(CallOutcome.ANSWERED.code()));
        db.select(CALLS.OPERATOR_ID, countIf(answered), countIf(answered.and(CALLS.TALK_SECONDS.isNotNull())),
                        sumIf(answered, CALLS.TALK_SECONDS))
                .from(CALLS)
                .where(CALLS.ENTERED_AT.ge(at(period.start()))).and(CALLS.ENTERED_AT.lt(at(period.end())))
                .and(CALLS.OPERATOR_ID.isNotNull())
                .groupBy(CALLS.OPERATOR_ID)
                .forEach(r -> {
                    if (r.value2() > 0) {
                        rows.put(r.value1(), new long[] {r.value2(), r.value3(), r.value4(), 0});
                    }
                });
        availableSeconds(db, period).forEach((operator, seconds) ->
                rows.computeIfAbsent(operator, k -> new long[4])[3] = seconds);
        db.deleteFrom(DAILY_OPERATOR_AGGREGATES).where(DAILY_OPERATOR_AGGREGATES.REPORT_DAY.eq(period.from())).execute();
        var insert = db.insertInto(DAILY_OPERATOR_AGGREGATES, DAILY_OPERATOR_AGGREGATES.REPORT_DAY,
                DAILY_OPERATOR_AGGREGATES.OPERATOR_ID, DAILY_OPERATOR_AGGREGATES.CALLS_HANDLED,
                DAILY_OPERATOR_AGGREGATES.TALKED, DAILY_OPERATOR_AGGREGATES.TALK_SECONDS,
                DAILY_OPERATOR_AGGREGATES.AVAILABLE_SECONDS);
        if (rows.isEmpty()) {
            return;
        }
        rows.forEach((operator, v) -> insert.values(period.from(), operator, (int) v[0], (int) v[1], v[2], v[3]));
        insert.execute();
    }

    /**
     * Seconds each operator spent available within the period: every 'available' state, from when it began (or
     * local midnight) to when it ended (or the period's end, or now, for a state that has not ended yet). A state
     * that began more than {@link #LOOK_BACK} before midnight is not counted. Changes after now (a clock ahead of
     * ours, in a cluster) are left out, so no span is negative.
     */
    private Map<String, Long> availableSeconds(DSLContext db, Period period) {
        Instant now = Instant.now(clock);
        var s = OPERATOR_STATES;
        Field<OffsetDateTime> start = at(period.start());
        Field<OffsetDateTime> cap = at(now.isBefore(period.end()) ? now : period.end());
        Field<Long> micros = Sql.micros(DSL.greatest(s.CHANGED_AT, start),
                DSL.least(DSL.coalesce(s.ENDED_AT, cap), cap));
        Map<String, Long> available = new TreeMap<>();
        db.select(s.OPERATOR_ID, Sql.sumOf(micros))
                .from(s)
                .where(s.STATE.eq(inline(AVAILABLE)))
                .and(s.CHANGED_AT.ge(at(period.start().minus(LOOK_BACK)))).and(s.CHANGED_AT.lt(cap))
                .and(s.ENDED_AT.isNull().or(s.ENDED_AT.gt(start)))
                .groupBy(s.OPERATOR_ID)
                .forEach(r -> available.put(r.value1(), Sql.seconds(r.value2())));
        return available;
    }
}
