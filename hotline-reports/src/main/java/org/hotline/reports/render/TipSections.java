package org.hotline.reports.render;

import static org.hotline.reports.render.Formats.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.hotline.core.tip.Choice;
import org.hotline.core.tip.ContactType;
import org.hotline.core.tip.Country;
import org.hotline.core.tip.ExploitationForm;
import org.hotline.core.tip.ReferralService;
import org.hotline.core.tip.ReferralStatus;
import org.hotline.core.tip.Region;
import org.hotline.core.tip.Signal;
import org.hotline.core.tip.TraffickingType;
import org.hotline.reports.figures.Keyed;
import org.hotline.reports.figures.ReferralFigures;
import org.hotline.reports.figures.TipFigures;

/** The sections about tips and referrals. Only coded fields reach them: never a summary, never a pseudonym. */
final class TipSections {
    private static final String NOT_RECORDED = "Not recorded";

    private final TipFigures tips;
    private final ReferralFigures referrals;

    TipSections(TipFigures tips, ReferralFigures referrals) {
        this.tips = tips;
        this.referrals = referrals;
    }

    Section signals() {
        return new Section("signals", "Signals", chart("signals", "Tips", tips.bySignal(), label(Signal.class), false),
                List.of(table("signals", "Tips by signal", "Signal", tips.bySignal(), label(Signal.class)),
                        table("contact-types", "Contacts by type", "Contact type", tips.byContactType(),
                                label(ContactType.class)),
                        new Table("tips", "Tips", List.of("Figure", "Tips"), List.of(
                                List.of(Cell.text("Tips written"), Cell.figure(count(tips.tips()))),
                                List.of(Cell.text("Cross-border cases"), Cell.figure(count(tips.crossBorder())))))),
                List.of("A cross-border case is a tip whose situation touches more than one country."));
    }

    Section traffickingTypes() {
        return new Section("trafficking-types", "Tips by trafficking type",
                chart("trafficking-types", "Tips", tips.byTraffickingType(), label(TraffickingType.class), false),
                List.of(table("trafficking-types", "Tips by trafficking type", "Trafficking type",
                        tips.byTraffickingType(), label(TraffickingType.class))), List.of());
    }

    Section forms() {
        return new Section("forms", "Tips by form of exploitation",
                chart("forms", "Tips", tips.byForm(), label(ExploitationForm.class), true),
                List.of(table("forms", "Tips by form of exploitation", "Form", tips.byForm(),
                        label(ExploitationForm.class))), List.of());
    }

    Section places() {
        Function<String, String> region = code -> Arrays.stream(Region.values()).filter(r -> r.code().equals(code))
                .findFirst().map(r -> r == Region.UNKNOWN ? r.label() : r.label() + " (" + r.code() + ")")
                .orElse(code);
        return new Section("places", "Where the situations are", null,
                List.of(table("countries", "Tips by country", "Country", tips.byCountry(), label(Country.class)),
                        table("regions", "Tips by province or region", "Province or region", tips.byRegion(),
                                region)), List.of());
    }

    Section referrals() {
        ReferralFigures r = referrals;
        return new Section("referrals", "Referrals",
                chart("referrals", "Referrals", r.byStatus(), label(ReferralStatus.class), false),
                List.of(table("referral-statuses", "Referrals made, by status at the end of the period", "Status",
                                r.byStatus(), label(ReferralStatus.class)),
                        table("referral-partners", "Referrals made, by partner", "Partner", r.byPartner(),
                                Function.identity()),
                        table("referral-services", "Referrals made, by service", "Service", r.byService(),
                                label(ReferralService.class)),
                        new Table("referral-totals", "Referrals", List.of("Figure", "Referrals"), List.of(
                                List.of(Cell.text("Referrals made"), Cell.figure(count(r.referrals()))),
                                List.of(Cell.text("Cross-border referrals"), Cell.figure(count(r.crossBorder()))),
                                List.of(Cell.text("Still open after 7 days"),
                                        Cell.figure(count(r.openAfter7Days()))))),
                        table("referrals-open", "Still open after 7 days, by partner", "Partner", r.openByPartner(),
                                Function.identity())),
                List.of("Open means proposed, sent or accepted. A referral is cross-border when the partner's "
                        + "country differs from the tip's."));
    }

    private static Table table(String id, String title, String keyHeader, List<Keyed<String, Long>> counts,
                               Function<String, String> label) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Keyed<String, Long> k : counts) {
            rows.add(List.of(Cell.text(name(k.key(), label)), Cell.figure(count(k.value()))));
        }
        return new Table(id, title, List.of(keyHeader, "Count"), rows);
    }

    private static Chart chart(String id, String valueLabel, List<Keyed<String, Long>> counts,
                               Function<String, String> label, boolean horizontal) {
        return new Chart(id, valueLabel, counts.stream().map(k -> name(k.key(), label)).toList(),
                List.of(new Chart.Series(valueLabel, counts.stream().map(Keyed::value).toList())), horizontal);
    }

    private static String name(String code, Function<String, String> label) {
        return code == null ? NOT_RECORDED : label.apply(code);
    }

    private static <E extends Enum<E> & Choice> Function<String, String> label(Class<E> type) {
        return code -> Choice.byCode(type, code).map(Choice::label).orElse(code);
    }
}
