package org.hotline.reports.figures;

import static org.hotline.core.db.Tables.PARTNERS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.reports.figures.Sql.at;
import static org.jooq.impl.DSL.inline;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.tip.ReferralStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Referrals made in a period, by partner, service and status (the status each had at the end of the period, from
 * the timestamped history, so a report regenerated later says the same), and those still open at the end of the
 * period more than 7 days after they were made.
 *
 * @param referrals     referrals made in the period
 * @param crossBorder   of which to a partner in another country than the tip's
 * @param byPartner     by partner name
 * @param byService     by service code
 * @param byStatus      by status code at the end of the period
 * @param openAfter7Days open at the end of the period and made more than 7 days before it
 * @param openByPartner those, by partner name
 */
public record ReferralFigures(long referrals, long crossBorder, List<Keyed<String, Long>> byPartner,
                              List<Keyed<String, Long>> byService, List<Keyed<String, Long>> byStatus,
                              long openAfter7Days, List<Keyed<String, Long>> openByPartner) {
    static final Duration OPEN_TOO_LONG = Duration.ofDays(7);

    static ReferralFigures load(DSLContext dsl, Period period) {
        Field<OffsetDateTime> start = at(period.start());
        Field<OffsetDateTime> end = at(period.end());
        Condition made = REFERRALS.CREATED_AT.ge(start).and(REFERRALS.CREATED_AT.lt(end));
        var totals = dsl.select(DSL.count(), Sql.countIf(REFERRALS.CROSS_BORDER.isTrue())).from(REFERRALS)
                .where(made).fetchSingle();
        Table<?> inPeriod = withStatusAt(end, made);
        // Open at the end now means: still open, or changed since (the history then tells what it was).
        List<String> open = List.of(ReferralStatus.PROPOSED.code(), ReferralStatus.SENT.code(),
                ReferralStatus.ACCEPTED.code());
        Condition candidates = REFERRALS.CREATED_AT.lt(at(period.end().minus(OPEN_TOO_LONG)))
                .and(REFERRALS.STATUS.in(open).or(REFERRALS.STATUS_CHANGED_AT.ge(end)));
        Table<?> stale = withStatusAt(end, candidates);
        Condition stillOpen = stale.field("status_at_end", String.class).in(open);
        List<Keyed<String, Long>> openByPartner = countBy(dsl, stale, "partner_name", stillOpen);
        // One pass over the period's referrals: counted per partner, service and status together (few groups),
        // then added up by each of the three.
        List<Map<String, Long>> counts = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        List<Field<String>> keys = List.of(inPeriod.field("partner_name", String.class),
                inPeriod.field("service", String.class), inPeriod.field("status_at_end", String.class));
        dsl.select(keys.get(0), keys.get(1), keys.get(2), DSL.count()).from(inPeriod).groupBy(keys)
                .forEach(r -> {
                    for (int i = 0; i < keys.size(); i++) {
                        counts.get(i).merge(r.get(keys.get(i)), r.value4().longValue(), Long::sum);
                    }
                });
        return new ReferralFigures(totals.value1(), totals.value2(), Keyed.mostFirst(counts.get(0)),
                Keyed.mostFirst(counts.get(1)), Keyed.mostFirst(counts.get(2)),
                openByPartner.stream().mapToLong(Keyed::value).sum(), openByPartner);
    }

    /** The referrals matching {@code where}, with partner name, service and the status they had at {@code end}. */
    private static Table<?> withStatusAt(Field<OffsetDateTime> end, Condition where) {
        var h = REFERRAL_STATUS_CHANGES;
        Field<String> fromHistory = DSL.select(h.TO_STATUS).from(h)
                .where(h.REFERRAL_ID.eq(REFERRALS.ID)).and(h.CHANGED_AT.lt(end))
                .orderBy(h.CHANGED_AT.desc(), h.ID.desc()).limit(inline(1)).asField();
        Field<String> statusAtEnd = DSL.when(REFERRALS.STATUS_CHANGED_AT.lt(end), REFERRALS.STATUS)
                .else_(DSL.coalesce(fromHistory, inline(ReferralStatus.PROPOSED.code())));
        return DSL.select(PARTNERS.NAME.as("partner_name"), REFERRALS.SERVICE.as("service"),
                        statusAtEnd.as("status_at_end"))
                .from(REFERRALS).join(PARTNERS).on(PARTNERS.ID.eq(REFERRALS.PARTNER_ID))
                .where(where).asTable("r");
    }

    private static List<Keyed<String, Long>> countBy(DSLContext dsl, Table<?> table, String column, Condition where) {
        Field<String> key = table.field(column, String.class);
        Field<Integer> count = DSL.count();
        return dsl.select(key, count).from(table).where(where).groupBy(key).orderBy(count.desc(), key.asc())
                .fetch(r -> new Keyed<>(r.value1(), r.value2().longValue()));
    }
}
