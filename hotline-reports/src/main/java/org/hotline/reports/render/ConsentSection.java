package org.hotline.reports.render;

import static org.hotline.reports.render.Formats.count;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.tip.Choice;
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

    static Section of(ConsentExceptions exceptions, ZoneId zone) {
        List<List<Cell>> byBasis = new ArrayList<>();
        long total = 0;
        for (Keyed<String, Long> k : exceptions.byBasis()) {
            byBasis.add(List.of(Cell.text(basis(k.key())), Cell.figure(count(k.value()))));
            total += k.value();
        }
        byBasis.add(List.of(Cell.text("All bases"), Cell.figure(count(total))));
        List<List<Cell>> each = new ArrayList<>();
        for (ConsentExceptions.Exception e : exceptions.each()) {
            each.add(List.of(Cell.time(e.at(), zone), Cell.text(e.referralId()), Cell.text(basis(e.basis())),
                    Cell.text(Choice.byCode(ReferralStatus.class, e.toStatus()).map(Choice::label)
                            .orElse(e.toStatus()))));
        }
        return new Section("consent-exceptions", "Referrals without the caller's consent", null, List.of(
                new Table("consent-exceptions", "Referrals that went ahead without consent, by recorded basis",
                        List.of("Basis", "Referrals"), byBasis),
                new Table("consent-exceptions-each", "Each of them, for review",
                        List.of("When", "Referral", "Basis", "Moved to"), each)),
                List.of("A referral the caller did not consent to can be sent, accepted or completed only when a "
                        + "basis that allows it is recorded with a note; each such change is audited. Open the "
                        + "referral on the follow-up screen to read the note (that opening is audited too)."));
    }

    private static String basis(String code) {
        return Choice.byCode(ConsentBasis.class, code).map(Choice::label).orElse(code);
    }
}
