package org.hotline.reports.store;

import static org.hotline.core.db.Tables.REPORT_RUNS;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * The {@code report_runs} table: which periods have a report, and the claim that keeps one from being generated
 * twice at once. Blocking; every method is one transaction.
 */
public final class ReportRuns {
    static final String GENERATING = "generating";
    static final String DONE = "done";
    /** A claim older than this belongs to a run that died; another run may take it over. */
    static final Duration STALE = Duration.ofHours(1);

    private final DSLContext dsl;
    private final Clock clock;

    public ReportRuns(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Claims a period for generation. False when its report exists (and {@code again} is false) or another run is
     * generating it right now.
     */
    public boolean claim(LocalDate from, LocalDate to, String requestedBy, boolean again) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            return tryClaim(from, to, requestedBy, again, now);
        } catch (IntegrityConstraintViolationException raced) {
            // H2 runs "insert ... on conflict do nothing" as a MERGE that is not atomic: when two runs insert the
            // same new period at once, the loser gets a key violation instead of zero rows. Either way it lost.
            return false;
        }
    }

    private boolean tryClaim(LocalDate from, LocalDate to, String requestedBy, boolean again, OffsetDateTime now) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            var run = db.selectFrom(REPORT_RUNS).where(REPORT_RUNS.PERIOD_FROM.eq(from))
                    .and(REPORT_RUNS.PERIOD_TO.eq(to)).forUpdate().fetchOne();
            if (run == null) {
                // Two processes may race here; the primary key lets exactly one insert win.
                return db.insertInto(REPORT_RUNS).set(REPORT_RUNS.PERIOD_FROM, from).set(REPORT_RUNS.PERIOD_TO, to)
                        .set(REPORT_RUNS.STATUS, GENERATING).set(REPORT_RUNS.REQUESTED_BY, requestedBy)
                        .set(REPORT_RUNS.CLAIMED_AT, now).onConflictDoNothing().execute() == 1;
            }
            boolean running = GENERATING.equals(run.getStatus()) && run.getClaimedAt().isAfter(now.minus(STALE));
            if (running || (DONE.equals(run.getStatus()) && !again)) {
                return false;
            }
            run.setStatus(GENERATING);
            run.setRequestedBy(requestedBy);
            run.setClaimedAt(now);
            run.store();
            return true;
        });
    }

    public void done(LocalDate from, LocalDate to, long calls) {
        dsl.update(REPORT_RUNS).set(REPORT_RUNS.STATUS, DONE).set(REPORT_RUNS.FINISHED_AT, OffsetDateTime.now(clock))
                .set(REPORT_RUNS.CALLS, (int) Math.min(Integer.MAX_VALUE, calls))
                .where(REPORT_RUNS.PERIOD_FROM.eq(from)).and(REPORT_RUNS.PERIOD_TO.eq(to)).execute();
    }

    /**
     * Gives up a claim after a failed run, so the next run tries again. A report that was done before (and was
     * being generated again) stays listed: its files were only replaced if the new run got that far.
     */
    public void release(LocalDate from, LocalDate to) {
        dsl.transaction(tx -> {
            var period = REPORT_RUNS.PERIOD_FROM.eq(from).and(REPORT_RUNS.PERIOD_TO.eq(to))
                    .and(REPORT_RUNS.STATUS.eq(GENERATING));
            tx.dsl().update(REPORT_RUNS).set(REPORT_RUNS.STATUS, DONE).where(period)
                    .and(REPORT_RUNS.FINISHED_AT.isNotNull()).execute();
            tx.dsl().deleteFrom(REPORT_RUNS).where(period).and(REPORT_RUNS.FINISHED_AT.isNull()).execute();
        });
    }

    /** The single days between {@code from} and {@code to} that have a finished report. */
    public Set<LocalDate> doneDays(LocalDate from, LocalDate to) {
        return new TreeSet<>(dsl.select(REPORT_RUNS.PERIOD_FROM).from(REPORT_RUNS)
                .where(REPORT_RUNS.PERIOD_FROM.eq(REPORT_RUNS.PERIOD_TO)).and(REPORT_RUNS.STATUS.eq(DONE))
                .and(REPORT_RUNS.PERIOD_FROM.between(from, to)).fetch(REPORT_RUNS.PERIOD_FROM));
    }

    /** The latest single day with a finished report. */
    public Optional<LocalDate> lastDoneDay() {
        return Optional.ofNullable(dsl.select(org.jooq.impl.DSL.max(REPORT_RUNS.PERIOD_FROM)).from(REPORT_RUNS)
                .where(REPORT_RUNS.PERIOD_FROM.eq(REPORT_RUNS.PERIOD_TO)).and(REPORT_RUNS.STATUS.eq(DONE))
                .fetchOne(0, LocalDate.class));
    }

    /** Every finished report, newest first. */
    public List<ReportRun> list() {
        return dsl.selectFrom(REPORT_RUNS).where(REPORT_RUNS.STATUS.eq(DONE))
                .orderBy(REPORT_RUNS.PERIOD_FROM.desc(), REPORT_RUNS.PERIOD_TO.desc())
                .fetch(r -> new ReportRun(r.getPeriodFrom(), r.getPeriodTo(), r.getFinishedAt().toInstant(),
                        r.getCalls() == null ? 0 : r.getCalls(), r.getRequestedBy()));
    }

    /** Whether a finished report exists for the period. */
    public boolean isDone(LocalDate from, LocalDate to) {
        return dsl.fetchExists(REPORT_RUNS, REPORT_RUNS.PERIOD_FROM.eq(from), REPORT_RUNS.PERIOD_TO.eq(to),
                REPORT_RUNS.STATUS.eq(DONE));
    }
}
