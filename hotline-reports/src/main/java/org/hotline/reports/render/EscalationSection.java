package org.hotline.reports.render;

import static org.hotline.reports.render.Formats.count;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotline.reports.figures.EscalationFigures;
import org.hotline.reports.figures.Keyed;

/** On-call escalations: how many, why, how they ended (counts suppressed under 5), and the time to acknowledge. */
final class EscalationSection {
    private EscalationSection() {
    }

    static Section of(EscalationFigures figures, Labels l) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Keyed<String, Long> k : figures.byKind()) {
            rows.add(List.of(coded(l, "report.escalation.kind.", k.key()), Cell.figure(count(k.value()))));
        }
        rows.add(List.of(l.label("report.escalation.all"), Cell.figure(count(figures.total()))));
        List<List<Cell>> ends = new ArrayList<>();
        for (Keyed<String, Long> k : figures.byState()) {
            ends.add(List.of(coded(l, "report.escalation.state.", k.key()), Cell.figure(count(k.value()))));
        }
        List<List<Cell>> times = List.of(
                List.of(l.label("report.escalation.median"), Cell.figure(time(figures.medianToAcknowledge()))),
                List.of(l.label("report.escalation.longest"), Cell.figure(time(figures.longestToAcknowledge()))));
        return new Section("escalations", l.t("report.escalations"), null, List.of(
                l.table("escalations", l.t("report.escalations.table"),
                        List.of("report.col.why", "report.col.escalations"), rows),
                l.table("escalations-ends", l.t("report.escalations-ends.table"),
                        List.of("report.col.ended", "report.col.escalations"), ends),
                l.table("escalations-ack", l.t("report.escalations-ack.table"),
                        List.of("report.col.figure", "report.col.time"), times)),
                List.of(l.t("report.escalations.note")));
    }

    /** A coded kind or state by its message key; an unknown code is shown as itself. */
    private static Cell coded(Labels l, String prefix, String code) {
        String key = prefix + code.toLowerCase(Locale.ROOT).replace('_', '-');
        return l.has(key) ? l.label(key) : Cell.code(code);
    }

    private static String time(Duration duration) {
        if (duration == null) {
            return Formats.NOT_SHOWN;
        }
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : "%d min %02d s".formatted(seconds / 60, seconds % 60);
    }
}
