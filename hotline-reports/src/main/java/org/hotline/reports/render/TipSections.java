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
    private final TipFigures tips;
    private final ReferralFigures referrals;
    private final Labels l;

    TipSections(TipFigures tips, ReferralFigures referrals, Labels labels) {
        this.tips = tips;
        this.referrals = referrals;
        this.l = labels;
    }

    Section signals() {
        return new Section("signals", l.t("report.signals"),
                chart("signals", l.t("report.col.tips"), tips.bySignal(), Signal.class, false),
                List.of(table("signals", l.t("report.signals.table"), "report.col.signal", tips.bySignal(),
                                Signal.class),
                        table("contact-types", l.t("report.contact-types.table"), "report.col.contact-type",
                                tips.byContactType(), ContactType.class),
                        l.table("tips", l.t("report.col.tips"), List.of("report.col.figure", "report.col.tips"),
                                List.of(List.of(l.label("report.tips.written"), Cell.figure(count(tips.tips()))),
                                        List.of(l.label("report.tips.cross-border"),
                                                Cell.figure(count(tips.crossBorder())))))),
                List.of(l.t("report.signals.note")));
    }

    Section traffickingTypes() {
        return new Section("trafficking-types", l.t("report.trafficking-types"),
                chart("trafficking-types", l.t("report.col.tips"), tips.byTraffickingType(), TraffickingType.class,
                        false),
                List.of(table("trafficking-types", l.t("report.trafficking-types"), "report.col.trafficking-type",
                        tips.byTraffickingType(), TraffickingType.class)), List.of());
    }

    Section forms() {
        return new Section("forms", l.t("report.forms"),
                chart("forms", l.t("report.col.tips"), tips.byForm(), ExploitationForm.class, true),
                List.of(table("forms", l.t("report.forms"), "report.col.form", tips.byForm(),
                        ExploitationForm.class)), List.of());
    }

    Section places() {
        Function<String, Cell> region = code -> Arrays.stream(Region.values()).filter(r -> r.code().equals(code))
                .findFirst().map(r -> r == Region.UNKNOWN ? Cell.text(r.label())
                        : Cell.text(r.label() + " (" + r.code() + ")"))
                .orElse(Cell.code(code));
        return new Section("places", l.t("report.places"), null,
                List.of(table("countries", l.t("report.countries.table"), "report.col.country", tips.byCountry(),
                                Country.class),
                        table("regions", l.t("report.regions.table"), "report.col.region", tips.byRegion(),
                                region)), List.of());
    }

    Section referrals() {
        ReferralFigures r = referrals;
        return new Section("referrals", l.t("report.referrals"),
                chart("referrals", l.t("report.referrals"), r.byStatus(), ReferralStatus.class, false),
                List.of(table("referral-statuses", l.t("report.referral-statuses.table"), "report.col.status",
                                r.byStatus(), ReferralStatus.class),
                        table("referral-partners", l.t("report.referral-partners.table"), "report.col.partner",
                                r.byPartner(), Cell::text),
                        table("referral-services", l.t("report.referral-services.table"), "report.col.service",
                                r.byService(), ReferralService.class),
                        l.table("referral-totals", l.t("report.referrals"), List.of("report.col.figure",
                                "report.referrals"), List.of(
                                List.of(l.label("report.referrals.made"), Cell.figure(count(r.referrals()))),
                                List.of(l.label("report.referrals.cross-border"),
                                        Cell.figure(count(r.crossBorder()))),
                                List.of(l.label("report.referrals.open-7-days"),
                                        Cell.figure(count(r.openAfter7Days()))))),
                        table("referrals-open", l.t("report.referrals-open.table"), "report.col.partner",
                                r.openByPartner(), Cell::text)),
                List.of(l.t("report.referrals.note")));
    }

    private <E extends Enum<E> & Choice> Table table(String id, String title, String keyHeader,
                                                     List<Keyed<String, Long>> counts, Class<E> type) {
        return table(id, title, keyHeader, counts, code -> l.choice(type, code));
    }

    private Table table(String id, String title, String keyHeader, List<Keyed<String, Long>> counts,
                        Function<String, Cell> label) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Keyed<String, Long> k : counts) {
            rows.add(List.of(k.key() == null ? l.label("report.not-recorded") : label.apply(k.key()),
                    Cell.figure(count(k.value()))));
        }
        return l.table(id, title, List.of(keyHeader, "report.col.count"), rows);
    }

    private <E extends Enum<E> & Choice> Chart chart(String id, String valueLabel, List<Keyed<String, Long>> counts,
                                                     Class<E> type, boolean horizontal) {
        return new Chart(id, valueLabel, counts.stream().map(k -> k.key() == null ? l.t("report.not-recorded")
                        : l.choice(type, k.key()).text()).toList(),
                List.of(new Chart.Series(valueLabel, counts.stream().map(Keyed::value).toList())), horizontal);
    }
}
