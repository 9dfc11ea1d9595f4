package org.hotline.reports.figures;

import static org.hotline.core.db.Tables.DAILY_OPERATOR_AGGREGATES;
import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.reports.figures.Sql.sumOf;

import java.util.List;
import org.jooq.DSLContext;

/** Per-operator figures of a period, summed from the daily operator aggregates. */
final class OperatorFigures {
    private OperatorFigures() {
    }

    static List<OperatorRow> load(DSLContext dsl, Period period) {
        var a = DAILY_OPERATOR_AGGREGATES;
        return dsl.select(OPERATORS.DISPLAY_NAME, sumOf(a.CALLS_HANDLED), sumOf(a.TALKED), sumOf(a.TALK_SECONDS),
                        sumOf(a.AVAILABLE_SECONDS))
                .from(a).join(OPERATORS).on(OPERATORS.ID.eq(a.OPERATOR_ID))
                .where(a.REPORT_DAY.between(period.from(), period.to()))
                .groupBy(OPERATORS.ID, OPERATORS.DISPLAY_NAME)
                .orderBy(OPERATORS.DISPLAY_NAME, OPERATORS.ID)
                .fetch(r -> new OperatorRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
