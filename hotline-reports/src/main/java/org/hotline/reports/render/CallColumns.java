package org.hotline.reports.render;

import static org.hotline.reports.render.Formats.count;
import static org.hotline.reports.render.Formats.millis;
import static org.hotline.reports.render.Formats.minutesSeconds;
import static org.hotline.reports.render.Formats.percent;
import static org.hotline.reports.render.Formats.seconds;

import java.util.ArrayList;
import java.util.List;
import org.hotline.reports.figures.CallCounts;

/** The call columns shared by the tables by language, by hour and by day (message keys of their headers). */
final class CallColumns {
    static final List<String> HEADERS = List.of("report.col.offered", "report.col.answered",
            "report.col.abandoned-menu", "report.col.abandoned-queue", "report.col.abandoned-short",
            "report.col.answered-percent", "report.col.abandoned-percent", "report.col.average-answer",
            "report.col.longest-wait", "report.col.within20-answered", "report.col.within60-answered",
            "report.col.within20-all", "report.col.within60-all", "report.col.average-handle");

    private CallColumns() {
    }

    static List<String> headers(String... leading) {
        List<String> headers = new ArrayList<>(List.of(leading));
        headers.addAll(HEADERS);
        return headers;
    }

    static List<Cell> cells(CallCounts c, Cell... leading) {
        List<Cell> cells = new ArrayList<>(List.of(leading));
        cells.add(Cell.figure(count(c.offered())));
        cells.add(Cell.figure(count(c.answered())));
        cells.add(Cell.figure(count(c.abandonedInMenu())));
        cells.add(Cell.figure(count(c.abandonedInQueue())));
        cells.add(Cell.figure(count(c.abandonedShort())));
        cells.add(Cell.figure(percent(c.answeredRate(), c.askedForOperator())));
        cells.add(Cell.figure(percent(c.abandonedRate(), c.askedForOperator())));
        cells.add(Cell.figure(seconds(c.averageAnswerSeconds(), c.answeredWaited())));
        cells.add(Cell.figure(millis(c.longestWaitMs())));
        cells.add(Cell.figure(percent(c.serviceLevel20OfAnswered(), c.answered())));
        cells.add(Cell.figure(percent(c.serviceLevel60OfAnswered(), c.answered())));
        cells.add(Cell.figure(percent(c.serviceLevel20OfAnsweredAndAbandoned(), c.answeredAndAbandoned())));
        cells.add(Cell.figure(percent(c.serviceLevel60OfAnsweredAndAbandoned(), c.answeredAndAbandoned())));
        cells.add(Cell.figure(minutesSeconds(c.averageHandleSeconds(), c.talked())));
        return cells;
    }
}
