package org.hotline.dispatch.tips;

import static org.hotline.core.db.Tables.PARTNERS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.TIPS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.core.db.tables.records.ReferralStatusChangesRecord;
import org.hotline.core.db.tables.records.TipsRecord;
import org.hotline.core.tip.CallerType;
import org.hotline.core.tip.Choice;
import org.hotline.core.tip.Consent;
import org.hotline.core.tip.ConsentBasis;
import org.hotline.core.tip.ContactType;
import org.hotline.core.tip.ControlMethod;
import org.hotline.core.tip.Country;
import org.hotline.core.tip.ExploitationForm;
import org.hotline.core.tip.LawEnforcementReport;
import org.hotline.core.tip.Recruitment;
import org.hotline.core.tip.ReferralService;
import org.hotline.core.tip.ReferralStatus;
import org.hotline.core.tip.Region;
import org.hotline.core.tip.Signal;
import org.hotline.core.tip.TraffickingType;
import org.hotline.core.tip.Urgency;
import org.hotline.dispatch.guidance.DangerAssessment;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Reads stored tips and referrals back into records, inside the caller's transaction. */
final class TipRecords {
    private TipRecords() {
    }

    static Optional<StoredTip> find(DSLContext db, String tipId) {
        return db.selectFrom(TIPS).where(TIPS.ID.eq(tipId)).fetchOptional()
                .map(tip -> new StoredTip(tip.getId(), tip.getOperatorId(), tip.getCreatedAt().toInstant(),
                        content(tip, DangerAnswers.find(db, tipId)), tip.getCrossBorder(),
                        referrals(db, REFERRALS.TIP_ID.eq(tipId)), JooqAddenda.of(db, tipId)));
    }

    /** The referrals matching {@code where}, in the order they were entered, each with its history. */
    static List<StoredReferral> referrals(DSLContext db, Condition where) {
        var rows = db.select(REFERRALS.ID, REFERRALS.TIP_ID, REFERRALS.PARTNER_ID, PARTNERS.NAME, PARTNERS.COUNTRY,
                        REFERRALS.SERVICE, REFERRALS.CONSENT, REFERRALS.CROSS_BORDER, REFERRALS.STATUS,
                        REFERRALS.DUE_ON, REFERRALS.CONSENT_BASIS)
                .from(REFERRALS).join(PARTNERS).on(PARTNERS.ID.eq(REFERRALS.PARTNER_ID))
                .where(where).orderBy(REFERRALS.TIP_ID, REFERRALS.POSITION_IN_TIP).fetch();
        Map<String, List<StatusChange>> history = db.selectFrom(REFERRAL_STATUS_CHANGES)
                .where(REFERRAL_STATUS_CHANGES.REFERRAL_ID.in(rows.getValues(REFERRALS.ID)))
                .orderBy(REFERRAL_STATUS_CHANGES.CHANGED_AT, REFERRAL_STATUS_CHANGES.ID)
                .fetchGroups(REFERRAL_STATUS_CHANGES.REFERRAL_ID, TipRecords::change);
        return rows.map(r -> new StoredReferral(r.get(REFERRALS.ID), r.get(REFERRALS.TIP_ID),
                r.get(REFERRALS.PARTNER_ID), r.get(PARTNERS.NAME), r.get(PARTNERS.COUNTRY),
                choice(ReferralService.class, r.get(REFERRALS.SERVICE)), r.get(REFERRALS.CONSENT),
                r.get(REFERRALS.CROSS_BORDER), choice(ReferralStatus.class, r.get(REFERRALS.STATUS)),
                r.get(REFERRALS.DUE_ON), choice(ConsentBasis.class, r.get(REFERRALS.CONSENT_BASIS)),
                history.getOrDefault(r.get(REFERRALS.ID), List.of())));
    }

    private static StatusChange change(ReferralStatusChangesRecord r) {
        return new StatusChange(choice(ReferralStatus.class, r.getFromStatus()),
                choice(ReferralStatus.class, r.getToStatus()), r.getChangedAt().toInstant(), r.getChangedBy(),
                r.getNote(), r.getDueOn(), choice(ConsentBasis.class, r.getConsentBasis()));
    }

    private static TipContent content(TipsRecord r, DangerAssessment danger) {
        return new TipContent(r.getCallId(), choice(ContactType.class, r.getContactType()),
                choice(Signal.class, r.getSignalType()), choice(CallerType.class, r.getCallerType()),
                choice(TraffickingType.class, r.getTraffickingType()),
                choice(ExploitationForm.class, r.getExploitationForm()), choice(Recruitment.class, r.getRecruitment()),
                controls(r.getControlMethods()),
                new Place(choice(Country.class, r.getCountry()), choice(Region.class, r.getRegion()),
                        choice(Country.class, r.getOriginCountry()), choice(Country.class, r.getTransitCountry()),
                        choice(Country.class, r.getDestinationCountry())),
                new Victims(r.getVictimsCount(), r.getVictimsMinors(), r.getVictimsFemale(), r.getVictimsMale(),
                        r.getVictimsOtherGender()),
                choice(Urgency.class, r.getUrgency()), r.getImminentDanger(), choice(Consent.class, r.getConsent()),
                choice(LawEnforcementReport.class, r.getLawEnforcement()), r.getSummary(), danger);
    }

    /** The stored form of several control methods: codes in declaration order, comma-separated. */
    static String controlCodes(Set<ControlMethod> control) {
        return control.isEmpty() ? null
                : control.stream().sorted().map(ControlMethod::code).collect(Collectors.joining(","));
    }

    private static Set<ControlMethod> controls(String codes) {
        if (codes == null || codes.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(codes.split(",")).map(code -> choice(ControlMethod.class, code))
                .collect(Collectors.toSet());
    }

    /** A stored code back to its constant; an unknown stored code is a bug, not bad input. */
    static <E extends Enum<E> & Choice> E choice(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        return Choice.byCode(type, code).orElseThrow(() -> new IllegalStateException(
                "stored " + type.getSimpleName() + " code is not in the list"));
    }

    static String code(Choice choice) {
        return choice == null ? null : choice.code();
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
