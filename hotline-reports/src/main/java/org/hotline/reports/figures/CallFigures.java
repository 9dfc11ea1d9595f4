package org.hotline.reports.figures;

import static org.hotline.core.db.Tables.DAILY_CALL_AGGREGATES;
import static org.hotline.reports.figures.Sql.sumOf;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/** Sums the daily call aggregates of a period, in the database: in total, or grouped by one column. */
final class CallFigures {
    private static final org.hotline.core.db.tables.DailyCallAggregates A = DAILY_CALL_AGGREGATES;

    private final DSLContext dsl;

    CallFigures(DSLContext dsl) {
        this.dsl = dsl;
    }

    CallCounts total(Period period) {
        Record r = dsl.select(sums()).from(A).where(inPeriod(period)).fetchOne();
        return r == null ? CallCounts.NONE : counts(r, 0);
    }

    /** One entry per value of {@code key} present in the period, ordered by it. */
    <K> List<Keyed<K, CallCounts>> by(Period period, Field<K> key) {
        List<SelectField<?>> fields = new ArrayList<>();
        fields.add(key);
        fields.addAll(sums());
        List<Keyed<K, CallCounts>> rows = new ArrayList<>();
        dsl.select(fields).from(A).where(inPeriod(period)).groupBy(key).orderBy(key)
                .forEach(r -> rows.add(new Keyed<>(r.get(key), counts(r, 1))));
        return rows;
    }

    static Field<java.time.LocalDate> day() {
        return A.REPORT_DAY;
    }

    static Field<Short> hour() {
        return A.HOUR_INDEX;
    }

    static Field<String> language() {
        return A.LANGUAGE_CODE;
    }

    private static org.jooq.Condition inPeriod(Period period) {
        return A.REPORT_DAY.between(period.from(), period.to());
    }

    private static List<SelectField<?>> sums() {
        return List.of(sumOf(A.OFFERED), sumOf(A.ANSWERED), sumOf(A.ABANDONED_IN_MENU), sumOf(A.ABANDONED_IN_QUEUE),
                sumOf(A.ABANDONED_SHORT), sumOf(A.VOICEMAIL), sumOf(A.CLOSED), sumOf(A.FALLBACK), sumOf(A.FAILED),
                sumOf(A.IN_PROGRESS), sumOf(A.ANSWERED_WAITED), sumOf(A.ANSWERED_WITHIN_20S),
                sumOf(A.ANSWERED_WITHIN_60S), sumOf(A.ANSWER_WAIT_MS), DSL.max(A.LONGEST_WAIT_MS), sumOf(A.TALKED),
                sumOf(A.TALK_SECONDS));
    }

    private static CallCounts counts(Record r, int first) {
        long[] v = new long[17];
        for (int i = 0; i < v.length; i++) {
            if (i != 14) {
                v[i] = r.get(first + i, Long.class);
            }
        }
        Long longest = r.get(first + 14, Long.class);
        return new CallCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                v[13], longest, v[15], v[16]);
    }
}
