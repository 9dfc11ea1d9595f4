package org.hotline.reports.figures;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.DAILY_OPERATOR_AGGREGATES;
import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.core.db.Tables.OPERATOR_STATES;
import static org.hotline.reports.figures.Sql.countIf;
import static org.hotline.reports.figures.Sql.epoch;
import static org.hotline.reports.figures.Sql.sumIf;
import static org.hotline.reports.figures.Sql.at;
import static org.jooq.impl.DSL.inline;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.core.call.CallOutcome;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

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
     * Seconds each operator spent available within the period: every 'available' state lasts until that
     * operator's next state change, clipped to the period (and to now, for a state that has not ended yet). The
     * state an operator was in at local midnight is their last change in the {@link #LOOK_BACK} before it.
     */
    private Map<String, Long> availableSeconds(DSLContext db, Period period) {
        Field<OffsetDateTime> start = at(period.start());
        Field<OffsetDateTime> end = at(period.end());
        Instant cap = Instant.now(clock).isBefore(period.end()) ? Instant.now(clock) : period.end();
        var prior = OPERATOR_STATES.as("prior");
        Field<String> stateAtStart = DSL.select(prior.STATE).from(prior)
                .where(prior.OPERATOR_ID.eq(OPERATORS.ID)).and(prior.CHANGED_AT.lt(start))
                .and(prior.CHANGED_AT.ge(at(period.start().minus(LOOK_BACK))))
                .orderBy(prior.CHANGED_AT.desc(), prior.ID.desc()).limit(inline(1)).asField();
        var changes = DSL.select(OPERATOR_STATES.OPERATOR_ID.as("operator_id"), OPERATOR_STATES.STATE.as("state"),
                        OPERATOR_STATES.CHANGED_AT.as("changed_at"), OPERATOR_STATES.ID.as("seq"))
                .from(OPERATOR_STATES)
                .where(OPERATOR_STATES.CHANGED_AT.ge(start)).and(OPERATOR_STATES.CHANGED_AT.lt(end))
                .unionAll(DSL.select(OPERATORS.ID, stateAtStart, start, inline(0L)).from(OPERATORS));
        Table<?> c = changes.asTable("c");
        Field<String> operator = c.field("operator_id", String.class);
        Field<OffsetDateTime> changedAt = c.field("changed_at", OffsetDateTime.class);
        Field<OffsetDateTime> next = DSL.lead(changedAt).over(DSL.partitionBy(operator)
                .orderBy(changedAt, c.field("seq", Long.class)));
        Table<?> spans = DSL.select(operator.as("operator_id"), c.field("state", String.class).as("state"),
                        changedAt.as("changed_at"), next.as("next_at"))
                .from(c).asTable("s");
        Field<String> spanOperator = spans.field("operator_id", String.class);
        Field<BigDecimal> from = epoch(spans.field("changed_at", OffsetDateTime.class));
        Field<BigDecimal> to = DSL.least(DSL.coalesce(epoch(spans.field("next_at", OffsetDateTime.class)),
                epoch(cap)), epoch(cap));
        Field<BigDecimal> seconds = DSL.greatest(to.minus(from), inline(BigDecimal.ZERO));
        Map<String, Long> available = new TreeMap<>();
        db.select(spanOperator, DSL.round(DSL.sum(seconds)).cast(SQLDataType.BIGINT))
                .from(spans)
                .where(spans.field("state", String.class).eq(inline(AVAILABLE)))
                .groupBy(spanOperator)
                .forEach(r -> available.put(r.value1(), r.value2()));
        return available;
    }
}
