package org.hotline.bench;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.OPERATOR_STATES;
import static org.hotline.core.db.Tables.PARTNERS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.TIPS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.reports.figures.Period;
import org.jooq.DSLContext;

/**
 * The baseline: the same call, operator, tip and referral figures computed by loading the period's rows into Java
 * and counting there, as a report written without aggregate queries would. Returns the answered count, so the
 * benchmark can check both ways agree.
 */
final class NaiveReportFigures {
    private NaiveReportFigures() {
    }

    static long compute(DSLContext dsl, Period period) {
        OffsetDateTime start = period.start().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = period.end().atOffset(ZoneOffset.UTC);
        var inPeriod = CALLS.ENTERED_AT.ge(start).and(CALLS.ENTERED_AT.lt(end));
        Map<String, long[]> byLanguage = new HashMap<>();
        Map<Long, long[]> byHour = new HashMap<>();
        Map<String, long[]> byOperator = new HashMap<>();
        long startMillis = period.start().toEpochMilli();
        long answered = 0;
        // Streamed through a cursor: a million-call day does not fit in the heap as one result.
        try (var calls = dsl.select(CALLS.QUEUED_AT, CALLS.LANGUAGE_CODE, CALLS.OUTCOME, CALLS.ENTERED_AT,
                CALLS.HANDED_OFF_AT, CALLS.ENDED_AT, CALLS.TALK_SECONDS, CALLS.OPERATOR_ID).from(CALLS)
                .where(inPeriod).fetchSize(10_000).fetchLazy()) {
            for (var call : calls) {
                String outcome = call.value3();
                OffsetDateTime queuedAt = call.value1();
                Long wait = null;
                if (queuedAt != null && "answered".equals(outcome) && call.value5() != null) {
                    wait = call.value5().toInstant().toEpochMilli() - queuedAt.toInstant().toEpochMilli();
                } else if (queuedAt != null && "abandoned-in-queue".equals(outcome) && call.value6() != null) {
                    wait = call.value6().toInstant().toEpochMilli() - queuedAt.toInstant().toEpochMilli();
                }
                long hour = (call.value4().toInstant().toEpochMilli() - startMillis) / 3_600_000;
                for (long[] counts : List.of(byLanguage.computeIfAbsent(String.valueOf(call.value2()), k -> new long[8]),
                        byHour.computeIfAbsent(hour, k -> new long[8]))) {
                    add(counts, outcome, wait, call.value7());
                }
                if ("answered".equals(outcome)) {
                    answered++;
                    if (call.value8() != null) {
                        long[] op = byOperator.computeIfAbsent(call.value8(), k -> new long[3]);
                        op[0]++;
                        op[1] += call.value7() == null ? 0 : call.value7();
                    }
                }
            }
        }
        availableSeconds(dsl, start, end, byOperator);
        countTipsAndReferrals(dsl, start, end);
        return answered;
    }

    private static void add(long[] counts, String outcome, Long wait, Integer talk) {
        counts[0]++;
        if ("answered".equals(outcome)) {
            counts[1]++;
            if (wait != null) {
                counts[2] += wait;
                counts[3] += wait <= 20_000 ? 1 : 0;
                counts[4] += wait <= 60_000 ? 1 : 0;
            }
            counts[5] += talk == null ? 0 : talk;
        } else if ("abandoned-in-queue".equals(outcome)) {
            counts[6]++;
        }
        counts[7] = Math.max(counts[7], wait == null ? 0 : wait);
    }

    private static void availableSeconds(DSLContext dsl, OffsetDateTime start, OffsetDateTime end,
                                         Map<String, long[]> byOperator) {
        String operator = null;
        OffsetDateTime availableSince = null;
        for (var state : dsl.select(OPERATOR_STATES.OPERATOR_ID, OPERATOR_STATES.STATE, OPERATOR_STATES.CHANGED_AT)
                .from(OPERATOR_STATES).where(OPERATOR_STATES.CHANGED_AT.ge(start)).and(OPERATOR_STATES.CHANGED_AT.lt(end))
                .orderBy(OPERATOR_STATES.OPERATOR_ID, OPERATOR_STATES.CHANGED_AT, OPERATOR_STATES.ID).fetchLazy()) {
            if (!state.value1().equals(operator)) {
                close(byOperator, operator, availableSince, end);
                operator = state.value1();
                availableSince = null;
            }
            close(byOperator, operator, availableSince, state.value3());
            availableSince = "available".equals(state.value2()) ? state.value3() : null;
        }
        close(byOperator, operator, availableSince, end);
    }

    private static void close(Map<String, long[]> byOperator, String operator, OffsetDateTime since,
                              OffsetDateTime until) {
        if (operator != null && since != null) {
            byOperator.computeIfAbsent(operator, k -> new long[3])[2] +=
                    java.time.Duration.between(since, until).toSeconds();
        }
    }

    private static void countTipsAndReferrals(DSLContext dsl, OffsetDateTime start, OffsetDateTime end) {
        Map<String, Integer> counts = new HashMap<>();
        for (var tip : dsl.select(TIPS.CONTACT_TYPE, TIPS.SIGNAL_TYPE, TIPS.TRAFFICKING_TYPE, TIPS.EXPLOITATION_FORM,
                TIPS.COUNTRY, TIPS.REGION, TIPS.CROSS_BORDER).from(TIPS).where(TIPS.CREATED_AT.ge(start))
                .and(TIPS.CREATED_AT.lt(end)).fetch()) {
            for (int i = 0; i < tip.size(); i++) {
                counts.merge(i + ":" + tip.get(i), 1, Integer::sum);
            }
        }
        for (var referral : dsl.select(PARTNERS.NAME, REFERRALS.SERVICE, REFERRALS.STATUS, REFERRALS.CROSS_BORDER)
                .from(REFERRALS).join(PARTNERS).on(PARTNERS.ID.eq(REFERRALS.PARTNER_ID))
                .where(REFERRALS.CREATED_AT.ge(start)).and(REFERRALS.CREATED_AT.lt(end)).fetch()) {
            for (int i = 0; i < referral.size(); i++) {
                counts.merge("r" + i + ":" + referral.get(i), 1, Integer::sum);
            }
        }
    }
}
