package org.hotline.reports.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every figure of one report, as computed by the database.
 *
 * @param period      the local days covered
 * @param generatedAt when the figures were computed
 * @param calls       the call figures of the whole period
 * @param byLanguage  by language code ({@code none}: ended before choosing one)
 * @param byHour      by hour from local midnight (summed over the days of a range)
 * @param byDay       by day (one entry for a single day)
 * @param operators   per operator
 * @param tips        what the tips were about
 * @param referrals   where victims were referred
 * @param consentExceptions referrals that went ahead without the caller's consent, on a recorded basis
 * @param escalations on-call escalations started in the period, with the time to acknowledgement
 */
public record Figures(Period period, Instant generatedAt, CallCounts calls, List<Keyed<String, CallCounts>> byLanguage,
                      List<Keyed<Short, CallCounts>> byHour, List<Keyed<LocalDate, CallCounts>> byDay,
                      List<OperatorRow> operators, TipFigures tips, ReferralFigures referrals,
                      ConsentExceptions consentExceptions, EscalationFigures escalations) {
}
