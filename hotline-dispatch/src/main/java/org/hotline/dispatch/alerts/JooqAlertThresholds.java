package org.hotline.dispatch.alerts;

import static org.hotline.core.db.Tables.WALLBOARD_THRESHOLDS;

import java.time.Instant;
import java.time.ZoneOffset;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.operators.Role;
import org.jooq.DSLContext;

/** The stored wallboard thresholds (one row). Blocking: call it from worker or virtual threads. */
public final class JooqAlertThresholds {
    /** The audit subject: the thresholds are one record. */
    static final String SUBJECT = "wallboard-alerts";
    private static final int ROW = 1;

    private final DSLContext dsl;

    public JooqAlertThresholds(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The thresholds in force; {@link AlertThresholds#NONE} when none were ever set. */
    public AlertThresholds load() {
        return dsl.selectFrom(WALLBOARD_THRESHOLDS).where(WALLBOARD_THRESHOLDS.ID.eq(ROW)).fetchOptional()
                .map(r -> new AlertThresholds(r.getServiceLevelBelow(), r.getLongestWaitOver(),
                        r.getEmergenciesWaiting()))
                .orElse(AlertThresholds.NONE);
    }

    /** Stores new thresholds and their audit row in one transaction: no change without its audit. */
    void save(AlertThresholds thresholds, String managerId, Role role, Instant at) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            int updated = t.update(WALLBOARD_THRESHOLDS)
                    .set(WALLBOARD_THRESHOLDS.SERVICE_LEVEL_BELOW, thresholds.serviceLevelBelow())
                    .set(WALLBOARD_THRESHOLDS.LONGEST_WAIT_OVER, thresholds.longestWaitOver())
                    .set(WALLBOARD_THRESHOLDS.EMERGENCIES_WAITING, thresholds.emergenciesWaiting())
                    .set(WALLBOARD_THRESHOLDS.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                    .set(WALLBOARD_THRESHOLDS.UPDATED_BY, managerId)
                    .where(WALLBOARD_THRESHOLDS.ID.eq(ROW)).execute();
            if (updated == 0) {
                t.insertInto(WALLBOARD_THRESHOLDS)
                        .set(WALLBOARD_THRESHOLDS.ID, ROW)
                        .set(WALLBOARD_THRESHOLDS.SERVICE_LEVEL_BELOW, thresholds.serviceLevelBelow())
                        .set(WALLBOARD_THRESHOLDS.LONGEST_WAIT_OVER, thresholds.longestWaitOver())
                        .set(WALLBOARD_THRESHOLDS.EMERGENCIES_WAITING, thresholds.emergenciesWaiting())
                        .set(WALLBOARD_THRESHOLDS.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                        .set(WALLBOARD_THRESHOLDS.UPDATED_BY, managerId)
                        .execute();
            }
            new JooqAuditTrail(t).record(AuditEvent.by(at, managerId, role, AuditAction.WALLBOARD_ALERTS_SET,
                    SUBJECT));
        });
    }
}
