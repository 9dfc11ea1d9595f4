package org.hotline.reports.render;

import static org.hotline.reports.render.Formats.count;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.reports.figures.EscalationFigures;
import org.hotline.reports.figures.Keyed;

/** On-call escalations: how many, why, how they ended (counts suppressed under 5), and the time to acknowledge. */
final class EscalationSection {
    private static final Map<String, String> KINDS = Map.of(
            "WAITING_EMERGENCY", "Emergency waiting, nobody free",
            "EMERGENCY_VOICEMAIL", "Emergency voice message, nobody on duty",
            "DECLINED_EMERGENCY", "Emergency declined");
    private static final Map<String, String> STATES = Map.of(
            "acknowledged", "Acknowledged (1 pressed)",
            "exhausted", "Nobody acknowledged (every round)",
            "stopped", "An operator took the call before anyone acknowledged",
            "caller-gone", "The caller hung up before anyone acknowledged",
            "paging", "Still paging when the report ran");

    private EscalationSection() {
    }

    static Section of(EscalationFigures figures) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Keyed<String, Long> k : figures.byKind()) {
            rows.add(List.of(Cell.text(KINDS.getOrDefault(k.key(), k.key())), Cell.figure(count(k.value()))));
        }
        rows.add(List.of(Cell.text("All escalations"), Cell.figure(count(figures.total()))));
        List<List<Cell>> ends = new ArrayList<>();
        for (Keyed<String, Long> k : figures.byState()) {
            ends.add(List.of(Cell.text(STATES.getOrDefault(k.key(), k.key())), Cell.figure(count(k.value()))));
        }
        List<List<Cell>> times = List.of(
                List.of(Cell.text("Median"), Cell.figure(time(figures.medianToAcknowledge()))),
                List.of(Cell.text("Longest"), Cell.figure(time(figures.longestToAcknowledge()))));
        return new Section("escalations", "On-call escalations", null, List.of(
                new Table("escalations", "Escalations, by why", List.of("Why", "Escalations"), rows),
                new Table("escalations-ends", "How they ended", List.of("Ended", "Escalations"), ends),
                new Table("escalations-ack", "Time from the start of paging to acknowledgement",
                        List.of("Figure", "Time"), times)),
                List.of("The on-call duty list is paged when a caller in danger is not answered; the first person who "
                        + "presses 1 acknowledges."));
    }

    private static String time(Duration duration) {
        if (duration == null) {
            return Formats.NOT_SHOWN;
        }
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : "%d min %02d s".formatted(seconds / 60, seconds % 60);
    }
}
