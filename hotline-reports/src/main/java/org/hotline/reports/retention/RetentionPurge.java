package org.hotline.reports.retention;

import static org.hotline.core.db.Tables.AGGREGATED_DAYS;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.CALL_STEPS;
import static org.hotline.core.db.Tables.OPERATOR_STATES;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.core.db.Tables.TIP_ADDENDA;
import static org.hotline.core.db.Tables.TIP_DRAFTS;
import static org.hotline.core.db.Tables.VOICEMAIL_TASKS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.hotline.reports.figures.CallFold;
import org.hotline.reports.figures.Period;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly retention purge. Each kind of record past its age goes in its own transaction together with the
 * audit row that counts it, so the trail never misses a purge that happened. Cut-offs are local midnights.
 * Call rows go one local day at a time, and only after that day is folded into the daily aggregates, which
 * reports then read instead. Blocking.
 */
public final class RetentionPurge {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    private final DSLContext dsl;
    private final RetentionConfig config;
    private final ZoneId zone;
    private final Clock clock;
    private final CallFold fold;

    public RetentionPurge(DSLContext dsl, RetentionConfig config, ZoneId zone, Clock clock) {
        this.dsl = dsl;
        this.config = config;
        this.zone = zone;
        this.clock = clock;
        this.fold = new CallFold(clock);
    }

    public PurgeCounts run() {
        long summaries = tipSummaries();
        long drafts = tipDrafts();
        PurgeCounts counts = new PurgeCounts(summaries, new VoicemailAudio(dsl, config, clock).purge(cutoff(
                config.voicemailDays())), calls(), operatorStates(), auditEvents());
        LOG.info("Retention purge: {} tip summaries, {} unfinished tip drafts, {} voice messages, {} calls, {} operator "
                        + "states, {} audit rows", counts.tipSummaries(), drafts, counts.voicemailAudio(), counts.calls(), counts.operatorStates(),
                counts.auditEvents());
        return counts;
    }

    /** Local midnight {@code days} days before today. */
    Instant cutoff(int days) {
        return LocalDate.now(clock.withZone(zone)).minusDays(days).atStartOfDay(zone).toInstant();
    }

    private long tipSummaries() {
        Instant cutoff = cutoff(config.tipSummaryDays());
        return dsl.transactionResult(tx -> {
            long cleared = tx.dsl().update(TIPS).set(TIPS.SUMMARY, (String) null)
                    .where(TIPS.CREATED_AT.lt(utc(cutoff))).and(TIPS.SUMMARY.isNotNull()).execute();
            PurgeAudit.record(tx.dsl(), now(), "tip-summaries", cutoff, cleared);
            // Addenda are free text like the summary, kept as long: they go with it, audited the same way.
            long addenda = tx.dsl().deleteFrom(TIP_ADDENDA).where(TIP_ADDENDA.TIP_ID.in(
                    tx.dsl().select(TIPS.ID).from(TIPS).where(TIPS.CREATED_AT.lt(utc(cutoff))))).execute();
            if (addenda > 0) {
                PurgeAudit.record(tx.dsl(), now(), "tip-addenda", cutoff, addenda);
            }
            return cleared;
        });
    }

    /** Drafts of tips never submitted hold what a summary holds, so they go at the summaries' age. */
    private long tipDrafts() {
        Instant cutoff = cutoff(config.tipSummaryDays());
        return dsl.transactionResult(tx -> {
            long deleted = tx.dsl().deleteFrom(TIP_DRAFTS).where(TIP_DRAFTS.UPDATED_AT.lt(utc(cutoff))).execute();
            PurgeAudit.record(tx.dsl(), now(), "tip-drafts", cutoff, deleted);
            return deleted;
        });
    }

    private long calls() {
        Instant cutoff = cutoff(config.callDays());
        OffsetDateTime first = dsl.select(org.jooq.impl.DSL.min(CALLS.ENTERED_AT)).from(CALLS)
                .where(CALLS.ENTERED_AT.lt(utc(cutoff))).fetchOne(0, OffsetDateTime.class);
        long deleted = 0;
        if (first != null) {
            LocalDate last = LocalDate.ofInstant(cutoff, zone).minusDays(1);
            for (LocalDate day = LocalDate.ofInstant(first.toInstant(), zone); !day.isAfter(last);
                 day = day.plusDays(1)) {
                deleted += purgeDay(day);
            }
        }
        long total = deleted;
        dsl.transaction(tx -> PurgeAudit.record(tx.dsl(), now(), "calls", cutoff, total));
        return deleted;
    }

    /** Folds one day, then deletes its calls with everything that points at them; tips keep their coded fields. */
    private long purgeDay(LocalDate day) {
        fold.fold(dsl, day, zone);
        Period period = Period.day(day, zone);
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            var ids = org.jooq.impl.DSL.select(CALLS.ID).from(CALLS)
                    .where(CALLS.ENTERED_AT.ge(utc(period.start()))).and(CALLS.ENTERED_AT.lt(utc(period.end())));
            db.deleteFrom(VOICEMAIL_TASKS).where(VOICEMAIL_TASKS.CALL_ID.in(ids)).execute();
            db.deleteFrom(TIP_DRAFTS).where(TIP_DRAFTS.CALL_ID.in(ids)).execute();
            db.update(TIPS).set(TIPS.CALL_ID, (String) null).where(TIPS.CALL_ID.in(ids)).execute();
            db.deleteFrom(CALL_STEPS).where(CALL_STEPS.CALL_ID.in(ids)).execute();
            int deleted = db.deleteFrom(CALLS).where(CALLS.ENTERED_AT.ge(utc(period.start())))
                    .and(CALLS.ENTERED_AT.lt(utc(period.end()))).execute();
            db.update(AGGREGATED_DAYS).set(AGGREGATED_DAYS.CALLS_PURGED_AT, now())
                    .where(AGGREGATED_DAYS.REPORT_DAY.eq(day)).execute();
            return (long) deleted;
        });
    }

    private long operatorStates() {
        Instant cutoff = cutoff(config.callDays());
        return dsl.transactionResult(tx -> {
            long deleted = tx.dsl().deleteFrom(OPERATOR_STATES).where(OPERATOR_STATES.CHANGED_AT.lt(utc(cutoff)))
                    .execute();
            PurgeAudit.record(tx.dsl(), now(), "operator-states", cutoff, deleted);
            return deleted;
        });
    }

    private long auditEvents() {
        Instant cutoff = cutoff(config.auditDays());
        return dsl.transactionResult(tx -> {
            long deleted = tx.dsl().deleteFrom(AUDIT_EVENTS).where(AUDIT_EVENTS.OCCURRED_AT.lt(utc(cutoff)))
                    .execute();
            PurgeAudit.record(tx.dsl(), now(), "audit-events", cutoff, deleted);
            return deleted;
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
