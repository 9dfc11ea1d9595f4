package org.hotline.reports.figures;

import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.reports.figures.Sql.at;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Referrals that went ahead in the period without the caller's consent, on a recorded basis (the consent rule's
 * exception): how many by basis, and each one (when, which referral, on which basis, to which status), so a
 * manager can review every exception. No note and nothing about the caller: the note stays on the audited screen.
 *
 * @param byBasis by basis code, most first
 * @param each    each exception, oldest first, at most {@link #LISTED}
 */
public record ConsentExceptions(List<Keyed<String, Long>> byBasis, List<Exception> each) {
    static final int LISTED = 500;

    /** One referral taken past proposed without consent. */
    public record Exception(Instant at, String referralId, String basis, String toStatus) {
    }

    static ConsentExceptions load(DSLContext dsl, Period period) {
        var h = REFERRAL_STATUS_CHANGES;
        Condition inPeriod = h.CONSENT_BASIS.isNotNull().and(h.CHANGED_AT.ge(at(period.start())))
                .and(h.CHANGED_AT.lt(at(period.end())));
        Map<String, Long> counts = new HashMap<>();
        dsl.select(h.CONSENT_BASIS, org.jooq.impl.DSL.count()).from(h).where(inPeriod).groupBy(h.CONSENT_BASIS)
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        List<Exception> each = dsl.select(h.CHANGED_AT, h.REFERRAL_ID, h.CONSENT_BASIS, h.TO_STATUS).from(h)
                .where(inPeriod).orderBy(h.CHANGED_AT, h.ID).limit(LISTED)
                .fetch(r -> new Exception(r.value1().toInstant(), r.value2(), r.value3(), r.value4()));
        return new ConsentExceptions(Keyed.mostFirst(counts), each);
    }
}
