package org.hotline.reports.render;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
                tips.places(), tips.referrals()));
        var period = figures.period();
        String covers = period.singleDay() ? period.from().toString() : period.from() + " to " + period.to();
        String offset = period.zone().getRules().getOffset(period.start()).getId();
        String subtitle = covers + ", local time in " + period.zone() + " (UTC" + offset + "). Generated "
                + DateTimeFormatter.ISO_INSTANT.format(figures.generatedAt().atOffset(ZoneOffset.UTC)
                .withNano(0).toInstant()) + ". Counts under 5 are shown as <5.";
        return new ReportDocument("Hotline report " + covers, subtitle, sections);
    }
}
