package org.hotline.reports.render;

import java.util.ArrayList;
import java.util.List;
import org.hotline.reports.figures.Figures;

/** Turns a report's figures into its document: sections of charts and tables, with every count suppressed under 5. */
public final class ReportBuilder {
    private final Targets targets;

    public ReportBuilder(Targets targets) {
        this.targets = targets;
    }

    public ReportDocument build(Figures figures) {
        CallSections calls = new CallSections(figures, targets);
        TipSections tips = new TipSections(figures.tips(), figures.referrals());
        List<Section> sections = new ArrayList<>(List.of(calls.targets(), calls.calls(), calls.outcomes(),
                calls.byLanguage(), calls.byHour()));
        if (!figures.period().singleDay()) {
            sections.add(calls.byDay());
        }
        sections.addAll(List.of(calls.operators(), tips.signals(), tips.traffickingTypes(), tips.forms(),
                tips.places(), tips.referrals(),
                ConsentSection.of(figures.consentExceptions(), figures.period().zone()),
                EscalationSection.of(figures.escalations())));
        var period = figures.period();
        String covers = period.singleDay() ? period.from().toString() : period.from() + " to " + period.to();
        // One time rule: every time on the page in the hotline's zone, 24-hour, the zone named here once.
        String subtitle = covers + ". Times in " + Times.zoneName(period.zone(), period.start()) + ", 24-hour. "
                + "Generated " + Times.local(figures.generatedAt(), period.zone()) + ". Counts under 5 are shown as <5.";
        return new ReportDocument("Hotline report " + covers, subtitle, sections);
    }
}
