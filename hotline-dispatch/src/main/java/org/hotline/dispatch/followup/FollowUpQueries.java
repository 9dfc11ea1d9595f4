package org.hotline.dispatch.followup;

import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.core.db.Tables.PARTNERS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.TIPS;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.hotline.core.tip.ReferralStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The open referrals to follow up and which of them are overdue, read from the database each time (nothing is
 * cached, so every node and every screen agrees). A referral is overdue when it is still open (proposed, sent or
 * accepted) after its due day: the one set on it, or {@code dueDays} after the local day it was made. Blocking.
 */
final class FollowUpQueries {
    /** The most rows one list answers: the oldest open referrals first, so the overdue ones are among them. */
    static final int LIMIT = 500;
    private static final List<String> OPEN = List.of(ReferralStatus.PROPOSED.code(), ReferralStatus.SENT.code(),
            ReferralStatus.ACCEPTED.code());

    private final DSLContext dsl;
    private final ZoneId zone;
    private final int dueDays;

    FollowUpQueries(DSLContext dsl, ZoneId zone, int dueDays) {
        this.dsl = dsl;
        this.zone = zone;
        this.dueDays = dueDays;
    }

    /** Open referrals (of {@code authorId}'s tips, or everyone's when null), overdue first, then by due day. */
    List<FollowUpItem> open(String authorId, LocalDate today) {
        return dsl.select(REFERRALS.ID, REFERRALS.TIP_ID, TIPS.CREATED_AT, TIPS.OPERATOR_ID, OPERATORS.DISPLAY_NAME,
                        PARTNERS.NAME, PARTNERS.COUNTRY, REFERRALS.SERVICE, REFERRALS.CONSENT,
                        REFERRALS.CONSENT_BASIS, REFERRALS.STATUS, REFERRALS.CREATED_AT, REFERRALS.DUE_ON)
                .from(REFERRALS).join(TIPS).on(TIPS.ID.eq(REFERRALS.TIP_ID))
                .join(OPERATORS).on(OPERATORS.ID.eq(TIPS.OPERATOR_ID))
                .join(PARTNERS).on(PARTNERS.ID.eq(REFERRALS.PARTNER_ID))
                .where(open(authorId))
                .orderBy(REFERRALS.CREATED_AT, REFERRALS.ID)
                .limit(LIMIT)
                .fetch(r -> {
                    LocalDate set = r.get(REFERRALS.DUE_ON);
                    LocalDate due = set != null ? set
                            : r.get(REFERRALS.CREATED_AT).atZoneSameInstant(zone).toLocalDate().plusDays(dueDays);
                    return new FollowUpItem(r.get(REFERRALS.ID), r.get(REFERRALS.TIP_ID),
                            r.get(TIPS.CREATED_AT).toInstant(), r.get(TIPS.OPERATOR_ID), r.get(OPERATORS.DISPLAY_NAME),
                            r.get(PARTNERS.NAME), r.get(PARTNERS.COUNTRY), r.get(REFERRALS.SERVICE),
                            r.get(REFERRALS.CONSENT), r.get(REFERRALS.CONSENT_BASIS), r.get(REFERRALS.STATUS),
                            r.get(REFERRALS.CREATED_AT).toInstant(), due, set != null, due.isBefore(today));
                })
                .stream()
                .sorted(Comparator.comparing((FollowUpItem i) -> !i.overdue()).thenComparing(FollowUpItem::dueOn))
                .toList();
    }

    /** How many open referrals (of {@code authorId}'s tips, or everyone's when null) are overdue today. */
    int overdue(String authorId, LocalDate today) {
        // Made before local midnight dueDays before today: its default due day is before today.
        Condition defaultPassed = REFERRALS.DUE_ON.isNull().and(REFERRALS.CREATED_AT.lt(
                today.minusDays(dueDays).atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC)));
        Condition setPassed = REFERRALS.DUE_ON.isNotNull().and(REFERRALS.DUE_ON.lt(today));
        return dsl.fetchCount(DSL.selectOne().from(REFERRALS).join(TIPS).on(TIPS.ID.eq(REFERRALS.TIP_ID))
                .where(open(authorId)).and(defaultPassed.or(setPassed)));
    }

    private static Condition open(String authorId) {
        Condition open = REFERRALS.STATUS.in(OPEN);
        return authorId == null ? open : open.and(TIPS.OPERATOR_ID.eq(authorId));
    }
}
