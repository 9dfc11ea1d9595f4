package org.hotline.reports.render;

import static org.hotline.reports.render.Formats.count;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.tip.ConsentBasis;
import org.hotline.core.tip.ReferralStatus;
import org.hotline.reports.figures.ConsentExceptions;
import org.hotline.reports.figures.Keyed;

/**
 * The consent rule's exceptions: referrals that went ahead without the caller's consent on a recorded basis, by
 * basis (suppressed under 5 like every count) and one by one for review (time, referral id, basis, status: never
 * the note, never anything about the caller).
 */
final class ConsentSection {
    private ConsentSection() {
    }

    static Section of(ConsentExceptions exceptions, ZoneId zone, Labels l) {
        List<List<Cell>> byBasis = new ArrayList<>();
        long total = 0;
        for (Keyed<String, Long> k : exceptions.byBasis()) {
            byBasis.add(List.of(l.choice(ConsentBasis.class, k.key()), Cell.figure(count(k.value()))));
            total += k.value();
        }
        byBasis.add(List.of(l.label("report.consent.all-bases"), Cell.figure(count(total))));
        List<List<Cell>> each = new ArrayList<>();
        for (ConsentExceptions.Exception e : exceptions.each()) {
            each.add(List.of(l.time(e.at(), zone), Cell.code(e.referralId()), l.choice(ConsentBasis.class, e.basis()),
                    l.choice(ReferralStatus.class, e.toStatus())));
        }
        return new Section("consent-exceptions", l.t("report.consent"), null, List.of(
                l.table("consent-exceptions", l.t("report.consent.table"),
                        List.of("report.col.basis", "report.referrals"), byBasis),
                l.table("consent-exceptions-each", l.t("report.consent.each.table"),
                        List.of("report.col.when", "report.col.referral", "report.col.basis",
                                "report.col.moved-to"), each)),
                List.of(l.t("report.consent.note")));
    }
}
