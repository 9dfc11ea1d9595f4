package org.hotline.reports.render;

import static org.hotline.reports.render.Formats.count;
import static org.hotline.reports.render.Formats.hoursMinutes;
import static org.hotline.reports.render.Formats.millis;
import static org.hotline.reports.render.Formats.minutesSeconds;
import static org.hotline.reports.render.Formats.percent;
import static org.hotline.reports.render.Formats.seconds;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.hotline.core.call.Language;
import org.hotline.reports.figures.CallCounts;
import org.hotline.reports.figures.Figures;
import org.hotline.reports.figures.Keyed;
import org.hotline.reports.figures.OperatorRow;

/** The sections about calls: targets, calls and waits, outcomes, by language, by hour, by day, operators. */
final class CallSections {
    private final Figures f;
    private final Targets targets;
    private final Labels l;

    CallSections(Figures figures, Targets targets, Labels labels) {
        this.f = figures;
        this.targets = targets;
        this.l = labels;
    }

    Section targets() {
        CallCounts c = f.calls();
        List<List<Cell>> rows = List.of(
                targetRow(l.label("report.target.answered"),
                        l.label("report.target.at-least-percent", "value", whole(targets.answeredPercent())),
                        percent(c.answeredRate(), c.askedForOperator()), c.answeredRate(), c.askedForOperator(),
                        v -> v >= targets.answeredPercent()),
                targetRow(l.label("report.target.abandoned"),
                        l.label("report.target.at-most-percent", "value", whole(targets.abandonedPercent())),
                        percent(c.abandonedRate(), c.askedForOperator()), c.abandonedRate(), c.askedForOperator(),
                        v -> v <= targets.abandonedPercent()),
                targetRow(l.label("report.target.average-answer"),
                        l.label("report.target.at-most-seconds", "value", Long.toString(targets.averageAnswer().toSeconds())),
                        seconds(c.averageAnswerSeconds(), c.answeredWaited()), c.averageAnswerSeconds(),
                        c.answeredWaited(), v -> v <= targets.averageAnswer().toMillis() / 1000.0));
        return new Section("targets", l.t("report.targets"), null,
                List.of(l.table("targets", l.t("report.targets.table"), List.of("report.col.target",
                        "report.col.goal", "report.col.actual", "report.col.met"), rows)),
                List.of(l.t("report.targets.note")));
    }

    private List<Cell> targetRow(Cell name, Cell goal, String actual, OptionalDouble value, long base,
                                 java.util.function.DoublePredicate met) {
        Cell verdict = value.isEmpty() || base < Formats.SMALLEST_SHOWN ? Cell.text(Formats.NOT_SHOWN)
                : l.label(met.test(value.getAsDouble()) ? "report.yes" : "report.no");
        return List.of(name, goal, Cell.figure(actual), verdict);
    }

    Section calls() {
        CallCounts c = f.calls();
        List<List<Cell>> counts = List.of(
                row("report.calls.offered", count(c.offered())),
                row("report.col.answered", count(c.answered())),
                row("report.col.abandoned-menu", count(c.abandonedInMenu())),
                row("report.col.abandoned-queue", count(c.abandonedInQueue())),
                row("report.col.abandoned-short", count(c.abandonedShort())),
                row("report.calls.asked", count(c.askedForOperator())));
        List<List<Cell>> waits = List.of(
                row("report.col.average-answer", seconds(c.averageAnswerSeconds(), c.answeredWaited())),
                row("report.col.longest-wait", millis(c.longestWaitMs())),
                row("report.waits.within20-answered", percent(c.serviceLevel20OfAnswered(), c.answered())),
                row("report.waits.within60-answered", percent(c.serviceLevel60OfAnswered(), c.answered())),
                row("report.waits.within20-all",
                        percent(c.serviceLevel20OfAnsweredAndAbandoned(), c.answeredAndAbandoned())),
                row("report.waits.within60-all",
                        percent(c.serviceLevel60OfAnsweredAndAbandoned(), c.answeredAndAbandoned())),
                row("report.col.average-handle", minutesSeconds(c.averageHandleSeconds(), c.talked())));
        return new Section("calls", l.t("report.calls"), null,
                List.of(l.table("calls", l.t("report.calls.table"), List.of("report.col.figure", "report.col.calls"),
                                counts),
                        l.table("waits", l.t("report.waits.table"), List.of("report.col.figure", "report.col.value"),
                                waits)),
                List.of(l.t("report.calls.note.wait"), l.t("report.calls.note.handle")));
    }

    Section outcomes() {
        CallCounts c = f.calls();
        List<String> keys = List.of("report.col.answered", "report.col.abandoned-menu",
                "report.col.abandoned-queue", "report.outcome.voicemail", "report.outcome.closed",
                "report.outcome.fallback", "report.outcome.failed", "report.outcome.in-progress");
        List<Long> values = List.of(c.answered(), c.abandonedInMenu(), c.abandonedInQueue(), c.voicemail(), c.closed(),
                c.fallback(), c.failed(), c.inProgress());
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(row(keys.get(i), count(values.get(i))));
        }
        String calls = l.t("report.col.calls");
        return new Section("outcomes", l.t("report.outcomes"),
                new Chart("outcomes", calls, keys.stream().map(l::t).toList(),
                        List.of(new Chart.Series(calls, values)), true),
                List.of(l.table("outcomes", l.t("report.outcomes"), List.of("report.col.outcome",
                        "report.col.calls"), rows)), List.of());
    }

    Section byLanguage() {
        List<String> categories = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (Keyed<String, CallCounts> k : f.byLanguage()) {
            var language = Language.byCode(k.key());
            categories.add(language.map(lang -> languageName(lang) + " " + lang.nativeName())
                    .orElse(l.t("report.language.none-short")));
            rows.add(CallColumns.cells(k.value(),
                    language.map(lang -> Cell.label(languageName(lang), lang.englishName()))
                            .orElse(l.label("report.language.none")),
                    language.map(Cell::nativeName).orElse(Cell.text(""))));
        }
        return new Section("by-language", l.t("report.by-language"), offeredAnswered("by-language", categories,
                f.byLanguage()), List.of(l.table("by-language", l.t("report.by-language"),
                CallColumns.headers("report.col.language", "report.col.name"), rows)), List.of());
    }

    /** The IVR language's name in the report's language (its English name in an English report). */
    private String languageName(Language language) {
        return l.t("language." + language.code());
    }

    Section byHour() {
        List<String> categories = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        ZonedDateTime midnight = f.period().from().atStartOfDay(f.period().zone());
        for (Keyed<Short, CallCounts> k : f.byHour()) {
            // Hours are counted from local midnight, so a day when clocks change still labels each one right.
            String label = String.format(Locale.ROOT, "%02d:00", midnight.plusHours(k.key()).getHour());
            categories.add(label.substring(0, 2));
            rows.add(CallColumns.cells(k.value(), Cell.code(label)));
        }
        String key = f.period().singleDay() ? "report.by-hour" : "report.by-hour.all-days";
        String title = l.t(key);
        return new Section("by-hour", title, offeredAnswered("by-hour", categories, f.byHour()),
                List.of(l.table("by-hour", title, CallColumns.headers("report.col.hour"), rows)),
                List.of(l.t("report.by-hour.note")));
    }

    Section byDay() {
        List<String> categories = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (Keyed<java.time.LocalDate, CallCounts> k : f.byDay()) {
            categories.add(l.shortDay(k.key()));
            rows.add(CallColumns.cells(k.value(), l.dayCell(k.key())));
        }
        return new Section("by-day", l.t("report.by-day"), offeredAnswered("by-day", categories, f.byDay()),
                List.of(l.table("by-day", l.t("report.by-day"), CallColumns.headers("report.col.day"), rows)),
                List.of());
    }

    Section operators() {
        List<List<Cell>> rows = new ArrayList<>();
        for (OperatorRow o : f.operators()) {
            rows.add(List.of(Cell.text(o.name()), Cell.figure(count(o.callsHandled())),
                    Cell.figure(minutesSeconds(o.averageHandleSeconds(), o.talked())),
                    Cell.figure(hoursMinutes(o.availableSeconds()))));
        }
        return new Section("operators", l.t("report.operators"), null, List.of(l.table("operators",
                l.t("report.operators"), List.of("report.col.operator", "report.col.calls-handled",
                        "report.col.average-handle", "report.col.time-available"), rows)), List.of());
    }

    private <K> Chart offeredAnswered(String id, List<String> categories, List<Keyed<K, CallCounts>> rows) {
        return new Chart(id, l.t("report.col.calls"), categories, List.of(
                new Chart.Series(l.t("report.col.offered"), rows.stream().map(k -> k.value().offered()).toList()),
                new Chart.Series(l.t("report.col.answered"), rows.stream().map(k -> k.value().answered()).toList())),
                false);
    }

    private List<Cell> row(String key, String value) {
        return List.of(l.label(key), Cell.figure(value));
    }

    private static String whole(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
