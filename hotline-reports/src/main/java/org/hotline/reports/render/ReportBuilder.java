package org.hotline.reports.render;

import java.util.ArrayList;
import java.util.List;
import org.hotline.reports.figures.Figures;

/**
 * Turns a report's figures into its document, in a language and calendar: sections of charts and tables, with
 * every count suppressed under 5. Every word on the page comes from the message bundles.
 */
public final class ReportBuilder {
    private final Targets targets;

    public ReportBuilder(Targets targets) {
        this.targets = targets;
    }

    /** The English, Gregorian report. */
    public ReportDocument build(Figures figures) {
        return build(figures, ReportLanguage.ENGLISH);
    }

    public ReportDocument build(Figures figures, ReportLanguage language) {
        Labels l = new Labels(language);
        CallSections calls = new CallSections(figures, targets, l);
        TipSections tips = new TipSections(figures.tips(), figures.referrals(), l);
        List<Section> sections = new ArrayList<>(List.of(calls.targets(), calls.calls(), calls.outcomes(),
                calls.byLanguage(), calls.byHour()));
        if (!figures.period().singleDay()) {
            sections.add(calls.byDay());
        }
        sections.addAll(List.of(calls.operators(), tips.signals(), tips.traffickingTypes(), tips.forms(),
                tips.places(), tips.referrals(),
                ConsentSection.of(figures.consentExceptions(), figures.period().zone(), l),
                EscalationSection.of(figures.escalations(), l)));
        var period = figures.period();
        String covers = period.singleDay() ? l.day(period.from())
                : l.t("report.range", "from", l.day(period.from()), "to", l.day(period.to()),
                        "days", java.time.temporal.ChronoUnit.DAYS.between(period.from(), period.to()) + 1);
        // One time rule: every time on the page in the hotline's zone, 24-hour, the zone named here once.
        String subtitle = l.t("report.subtitle", "covers", covers,
                "zone", l.ltr(Times.zoneName(period.zone(), period.start())),
                "generated", l.time(figures.generatedAt(), period.zone()).text());
        return new ReportDocument(language, l.t("report.title", "covers", covers), subtitle, sections,
                l.t("report.chart.note"), l.t("report.none"));
    }
}
