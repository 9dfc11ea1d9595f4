package org.hotline.reports.figures;

import static org.hotline.core.db.Tables.AGGREGATED_DAYS;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.DAILY_CALL_AGGREGATES;
import static org.hotline.reports.figures.Sql.at;
import static org.jooq.impl.DSL.inline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.hotline.core.call.CallOutcome;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Folds one local day of call rows into {@code daily_call_aggregates} and {@code daily_operator_aggregates}, in the
 * database (GROUP BY hour, language, outcome and wait band), so every call figure of a report comes from the aggregates and
 * an old day still reports after its call rows are purged. Folding again replaces the day's aggregates, unless
 * its call rows are already gone: then the aggregates are all that is left and are kept. Blocking.
 */
public final class CallFold {
    /** Waits up to and including these are "answered within" them. */
    static final long WITHIN_SHORT_MS = 20_000;
    static final long WITHIN_LONG_MS = 60_000;
    /** Abandons after waiting less than this are shown apart and left out of the abandon rate. */
    static final long SHORT_ABANDON_MS = 5_000;
    static final String NO_LANGUAGE = "none";
    /** After this long past a day's end, none of its calls can still be going on (holds and talks are far shorter). */
    static final Duration SETTLED_AFTER = Duration.ofHours(6);
    /** Runs the operator half of a fold beside the call half. */
    private static final Executor PARALLEL = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("reports-fold-", 0).factory());

    private final Clock clock;

    public CallFold(Clock clock) {
        this.clock = clock;
    }

    /**
     * Folds {@code day}; returns false when the day's call rows were purged (nothing to do). The call and operator
     * aggregates are independent, so they are computed at once on two connections, each in its own transaction.
     */
    public boolean fold(DSLContext dsl, LocalDate day, ZoneId zone) {
        Period period = Period.day(day, zone);
        var known = dsl.selectFrom(AGGREGATED_DAYS).where(AGGREGATED_DAYS.REPORT_DAY.eq(day)).fetchOne();
        if (known != null && known.getCallsPurgedAt() != null) {
            return false;
        }
        CompletableFuture<Void> operators = CompletableFuture.runAsync(
                () -> dsl.transaction(tx -> new OperatorFold(clock).fold(tx.dsl(), period)), PARALLEL);
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(DAILY_CALL_AGGREGATES).where(DAILY_CALL_AGGREGATES.REPORT_DAY.eq(day)).execute();
            foldCalls(tx.dsl(), period);
        });
        try {
            operators.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        dsl.transaction(tx -> {
            int updated = tx.dsl().update(AGGREGATED_DAYS).set(AGGREGATED_DAYS.FOLDED_AT, now)
                    .where(AGGREGATED_DAYS.REPORT_DAY.eq(day)).execute();
            if (updated == 0) {
                tx.dsl().insertInto(AGGREGATED_DAYS).set(AGGREGATED_DAYS.REPORT_DAY, day)
                        .set(AGGREGATED_DAYS.FOLDED_AT, now).onConflictDoNothing().execute();
            }
        });
        return true;
    }

    /**
     * Whether a day's aggregates may still change: never folded, folded before its last calls could have ended
     * (less than {@link #SETTLED_AFTER} after the day), or folded with calls still in progress.
     */
    public static boolean unsettled(DSLContext dsl, LocalDate day, ZoneId zone) {
        var known = dsl.selectFrom(AGGREGATED_DAYS).where(AGGREGATED_DAYS.REPORT_DAY.eq(day)).fetchOne();
        if (known == null) {
            return true;
        }
        if (known.getCallsPurgedAt() != null) {
            return false;
        }
        Instant settled = Period.day(day, zone).end().plus(SETTLED_AFTER);
        if (known.getFoldedAt().toInstant().isBefore(settled)) {
            return true;
        }
        return dsl.fetchExists(DAILY_CALL_AGGREGATES, DAILY_CALL_AGGREGATES.REPORT_DAY.eq(day),
                DAILY_CALL_AGGREGATES.IN_PROGRESS.gt(0));
    }

    /**
     * Groups the day's calls by hour, language, outcome and which side of 5 s, 20 s and 60 s their wait fell, with
     * plain counts and sums (few, simple aggregates keep the database's per-call work small on a busy day), then
     * adds those groups up into one aggregate row per hour and language.
     */
    private static void foldCalls(DSLContext db, Period period) {
        Table<?> calls = perCall(period).asTable("c");
        Field<String> outcome = calls.field("outcome", String.class);
        Field<Long> wait = calls.field("wait_us", Long.class);
        Field<Integer> talk = calls.field("talk_seconds", Integer.class);
        Field<Integer> hour = calls.field("hour_index", Integer.class);
        Field<String> language = calls.field("language_code", String.class);
        Field<Boolean> within20 = DSL.field(wait.le(inline(WITHIN_SHORT_MS * 1000)));
        Field<Boolean> within60 = DSL.field(wait.le(inline(WITHIN_LONG_MS * 1000)));
        Field<Boolean> short5 = DSL.field(wait.lt(inline(SHORT_ABANDON_MS * 1000)));
        Map<String, long[]> rows = new TreeMap<>();
        Map<String, Long> longest = new HashMap<>();
        db.select(hour, language, outcome, within20, within60, short5, DSL.count(), DSL.count(wait),
                        Sql.sumOf(wait), DSL.max(wait), DSL.count(talk), Sql.sumOf(talk))
                .from(calls)
                .groupBy(hour, language, outcome, within20, within60, short5)
                .forEach(r -> {
                    String key = r.value1() + "|" + r.value2();
                    long[] v = rows.computeIfAbsent(key, k -> new long[COLUMNS]);
                    add(v, r.value3(), Boolean.TRUE.equals(r.value4()), Boolean.TRUE.equals(r.value5()),
                            Boolean.TRUE.equals(r.value6()), r.value7(), r.value8(), r.value9(), r.value11(),
                            r.value12());
                    if (r.value10() != null) {
                        longest.merge(key, r.value10(), Math::max);
                    }
                });
        if (rows.isEmpty()) {
            return;
        }
        var insert = db.insertInto(DAILY_CALL_AGGREGATES).columns(List.of(
                DAILY_CALL_AGGREGATES.REPORT_DAY, DAILY_CALL_AGGREGATES.HOUR_INDEX,
                DAILY_CALL_AGGREGATES.LANGUAGE_CODE, DAILY_CALL_AGGREGATES.OFFERED,
                DAILY_CALL_AGGREGATES.ANSWERED, DAILY_CALL_AGGREGATES.ABANDONED_IN_MENU,
                DAILY_CALL_AGGREGATES.ABANDONED_IN_QUEUE, DAILY_CALL_AGGREGATES.ABANDONED_SHORT,
                DAILY_CALL_AGGREGATES.VOICEMAIL, DAILY_CALL_AGGREGATES.CLOSED, DAILY_CALL_AGGREGATES.FALLBACK,
                DAILY_CALL_AGGREGATES.FAILED, DAILY_CALL_AGGREGATES.IN_PROGRESS,
                DAILY_CALL_AGGREGATES.ANSWERED_WAITED, DAILY_CALL_AGGREGATES.ANSWERED_WITHIN_20S,
                DAILY_CALL_AGGREGATES.ANSWERED_WITHIN_60S, DAILY_CALL_AGGREGATES.ANSWER_WAIT_MS,
                DAILY_CALL_AGGREGATES.LONGEST_WAIT_MS, DAILY_CALL_AGGREGATES.TALKED,
                DAILY_CALL_AGGREGATES.TALK_SECONDS));
        rows.forEach((key, v) -> {
            String[] parts = key.split("\\|", 2);
            List<Object> values = new ArrayList<>(List.of(period.from(), Short.valueOf(parts[0]), parts[1]));
            for (int i = 0; i < 13; i++) {
                values.add((int) v[i]);
            }
            values.add(Sql.millis(v[13]));
            values.add(longest.containsKey(key) ? Sql.millis(longest.get(key)) : null);
            values.add((int) v[14]);
            values.add(v[15]);
            insert.values(values);
        });
        insert.execute();
    }

    /** Columns of {@link #add}: offered, answered, menu, queue, short, voicemail, closed, fallback, failed,
     *  in progress, answered waited, within 20 s, within 60 s, wait µs, talked, talk seconds. */
    private static final int COLUMNS = 16;

    private static void add(long[] v, String outcome, boolean within20, boolean within60, boolean shortWait,
                            long calls, long waited, long waitUs, long talked, long talkSeconds) {
        v[0] += calls;
        if (outcome == null) {
            v[9] += calls;
            return;
        }
        CallOutcome known = java.util.Arrays.stream(CallOutcome.values()).filter(o -> o.code().equals(outcome))
                .findFirst().orElse(null);
        if (known == null) {
            return;
        }
        switch (known) {
            case ANSWERED -> {
                v[1] += calls;
                v[10] += waited;
                v[11] += within20 ? calls : 0;
                v[12] += within60 ? calls : 0;
                v[13] += waitUs;
                v[14] += talked;
                v[15] += talkSeconds;
            }
            case ABANDONED_IN_MENU -> v[2] += calls;
            case ABANDONED_IN_QUEUE -> {
                v[3] += calls;
                v[4] += shortWait ? calls : 0;
            }
            case VOICEMAIL -> v[5] += calls;
            case CLOSED -> v[6] += calls;
            case FALLBACK -> v[7] += calls;
            case FAILED -> v[8] += calls;
        }
    }

    /**
     * One row per call entered in the period: its hour from local midnight, language, outcome, talk time and wait.
     * The wait runs from the queued step to the hand-off (answered) or to the hang-up (abandoned in queue).
     */
    private static org.jooq.Select<?> perCall(Period period) {
        Field<Long> wait = DSL
                .when(CALLS.OUTCOME.eq(inline(CallOutcome.ANSWERED.code())),
                        Sql.micros(CALLS.QUEUED_AT, CALLS.HANDED_OFF_AT))
                .when(CALLS.OUTCOME.eq(inline(CallOutcome.ABANDONED_IN_QUEUE.code())),
                        Sql.micros(CALLS.QUEUED_AT, CALLS.ENDED_AT));
        // Whole microseconds since local midnight, divided as integers: exact (entered_at is never before the
        // period's start here, so truncating is flooring).
        Field<Long> hour = Sql.micros(at(period.start()), CALLS.ENTERED_AT).div(inline(Sql.HOUR_US));
        return DSL.select(
                        hour.cast(SQLDataType.INTEGER).as("hour_index"),
                        DSL.coalesce(CALLS.LANGUAGE_CODE, inline(NO_LANGUAGE)).as("language_code"),
                        CALLS.OUTCOME.as("outcome"),
                        CALLS.TALK_SECONDS.as("talk_seconds"),
                        wait.as("wait_us"))
                .from(CALLS)
                .where(CALLS.ENTERED_AT.ge(at(period.start()))).and(CALLS.ENTERED_AT.lt(at(period.end())));
    }
}
