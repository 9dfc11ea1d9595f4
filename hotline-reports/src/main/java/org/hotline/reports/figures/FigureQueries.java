package org.hotline.reports.figures;

import java.time.Clock;
import org.jooq.DSLContext;

/**
 * Computes a report's figures: folds each day of the period whose aggregates may still change into the daily
 * aggregates, then reads every figure with aggregate queries. Blocking; run it on a worker or virtual thread.
 */
public final class FigureQueries {
    private final DSLContext dsl;
    private final Clock clock;
    private final CallFold fold;

    public FigureQueries(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.fold = new CallFold(clock);
    }

    public Figures compute(Period period) {
        for (var day : period.days()) {
            // A past day folded once its calls were all over is final: a range report need not fold it again.
            if (CallFold.unsettled(dsl, day, period.zone())) {
                fold.fold(dsl, day, period.zone());
            }
        }
        return read(period);
    }

    /** The figures from the aggregates as they stand, without folding again. */
    public Figures read(Period period) {
        CallFigures calls = new CallFigures(dsl);
        return new Figures(period, clock.instant(), calls.total(period), calls.by(period, CallFigures.language()),
                calls.by(period, CallFigures.hour()), calls.by(period, CallFigures.day()),
                OperatorFigures.load(dsl, period), TipFigures.load(dsl, period), ReferralFigures.load(dsl, period),
                ConsentExceptions.load(dsl, period), EscalationFigures.load(dsl, period));
    }
}
