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

    CallSections(Figures figures, Targets targets) {
        this.f = figures;
        this.targets = targets;
    }

    Section targets() {
        CallCounts c = f.calls();
        List<List<Cell>> rows = List.of(
                targetRow("Answered", "at least " + whole(targets.answeredPercent()) + " %",
                        percent(c.answeredRate(), c.askedForOperator()), c.answeredRate(), c.askedForOperator(),
                        v -> v >= targets.answeredPercent()),
                targetRow("Abandoned (not counting under 5 s)", "at most " + whole(targets.abandonedPercent()) + " %",
                        percent(c.abandonedRate(), c.askedForOperator()), c.abandonedRate(), c.askedForOperator(),
                        v -> v <= targets.abandonedPercent()),
                targetRow("Average speed of answer", "at most " + targets.averageAnswer().toSeconds() + " s",
                        seconds(c.averageAnswerSeconds(), c.answeredWaited()), c.averageAnswerSeconds(),
                        c.answeredWaited(), v -> v <= targets.averageAnswer().toMillis() / 1000.0));
        return new Section("targets", "Service targets", null,
                List.of(new Table("targets", "Service targets against the figures",
                        List.of("Target", "Goal", "Actual", "Met"), rows)),
                List.of("Answered and abandoned are shares of the calls that asked for an operator: all calls, less "
                        + "those abandoned in the menu and those abandoned in the queue within 5 s."));
    }

    private static List<Cell> targetRow(String name, String goal, String actual, OptionalDouble value, long base,
                                        java.util.function.DoublePredicate met) {
        String verdict = value.isEmpty() || base < Formats.SMALLEST_SHOWN ? Formats.NOT_SHOWN
                : met.test(value.getAsDouble()) ? "yes" : "no";
        return List.of(Cell.text(name), Cell.text(goal), Cell.figure(actual), Cell.text(verdict));
    }

    Section calls() {
        CallCounts c = f.calls();
        List<List<Cell>> counts = List.of(
                row("Offered (all calls)", count(c.offered())),
                row("Answered", count(c.answered())),
                row("Abandoned in menu", count(c.abandonedInMenu())),
                row("Abandoned in queue", count(c.abandonedInQueue())),
                row("of which under 5 s", count(c.abandonedShort())),
                row("Asked for an operator", count(c.askedForOperator())));
        List<List<Cell>> waits = List.of(
                row("Average speed of answer", seconds(c.averageAnswerSeconds(), c.answeredWaited())),
                row("Longest wait", millis(c.longestWaitMs())),
                row("Answered within 20 s, of answered", percent(c.serviceLevel20OfAnswered(), c.answered())),
                row("Answered within 60 s, of answered", percent(c.serviceLevel60OfAnswered(), c.answered())),
                row("Answered within 20 s, of answered + abandoned",
                        percent(c.serviceLevel20OfAnsweredAndAbandoned(), c.answeredAndAbandoned())),
                row("Answered within 60 s, of answered + abandoned",
                        percent(c.serviceLevel60OfAnsweredAndAbandoned(), c.answeredAndAbandoned())),
                row("Average handle time", minutesSeconds(c.averageHandleSeconds(), c.talked())));
        return new Section("calls", "Calls and waits", null,
                List.of(new Table("calls", "Calls", List.of("Figure", "Calls"), counts),
                        new Table("waits", "Waits and service level", List.of("Figure", "Value"), waits)),
                List.of("A wait runs from joining the queue to the hand-off to an operator, or to hanging up for "
                                + "an abandon. Within 20 s and 60 s include the 20th and 60th second.",
                        "Abandoned + answered leaves out abandons under 5 s. Handle time is the talk time, from the"
                                + " operator's answer to the hang-up."));
    }

    Section outcomes() {
        CallCounts c = f.calls();
        List<String> names = List.of("Answered", "Abandoned in menu", "Abandoned in queue", "Voice message",
                "Closed (nobody on duty)", "Fallback queue", "Failed", "Still in progress");
        List<Long> values = List.of(c.answered(), c.abandonedInMenu(), c.abandonedInQueue(), c.voicemail(), c.closed(),
                c.fallback(), c.failed(), c.inProgress());
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(row(names.get(i), count(values.get(i))));
        }
        return new Section("outcomes", "Calls by outcome",
                new Chart("outcomes", "Calls", names, List.of(new Chart.Series("Calls", values)), true),
                List.of(new Table("outcomes", "Calls by outcome", List.of("Outcome", "Calls"), rows)), List.of());
    }

    Section byLanguage() {
        List<String> categories = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (Keyed<String, CallCounts> k : f.byLanguage()) {
            var language = Language.byCode(k.key());
            categories.add(language.map(l -> l.englishName() + " " + l.nativeName()).orElse("None chosen"));
            rows.add(CallColumns.cells(k.value(),
                    Cell.text(language.map(Language::englishName).orElse("No language chosen")),
                    language.map(Cell::nativeName).orElse(Cell.text(""))));
        }
        return new Section("by-language", "Calls by language", offeredAnswered("by-language", categories,
                f.byLanguage()), List.of(new Table("by-language", "Calls by language",
                CallColumns.headers("Language", "Name"), rows)), List.of());
    }

    Section byHour() {
        List<String> categories = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        ZonedDateTime midnight = f.period().from().atStartOfDay(f.period().zone());
        for (Keyed<Short, CallCounts> k : f.byHour()) {
            // Hours are counted from local midnight, so a day when clocks change still labels each one right.
            String label = String.format(Locale.ROOT, "%02d:00", midnight.plusHours(k.key()).getHour());
            categories.add(label.substring(0, 2));
            rows.add(CallColumns.cells(k.value(), Cell.text(label)));
        }
        String title = f.period().singleDay() ? "Calls by hour" : "Calls by hour of the day (all days)";
        return new Section("by-hour", title, offeredAnswered("by-hour", categories, f.byHour()),
                List.of(new Table("by-hour", title, CallColumns.headers("Hour"), rows)),
                List.of("Hours are local time, by the time the call came in."));
    }

    Section byDay() {
        List<String> categories = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (Keyed<java.time.LocalDate, CallCounts> k : f.byDay()) {
            categories.add(k.key().toString().substring(5));
            rows.add(CallColumns.cells(k.value(), Cell.text(k.key().toString())));
        }
        return new Section("by-day", "Calls by day", offeredAnswered("by-day", categories, f.byDay()),
                List.of(new Table("by-day", "Calls by day", CallColumns.headers("Day"), rows)), List.of());
    }

    Section operators() {
        List<List<Cell>> rows = new ArrayList<>();
        for (OperatorRow o : f.operators()) {
            rows.add(List.of(Cell.text(o.name()), Cell.figure(count(o.callsHandled())),
                    Cell.figure(minutesSeconds(o.averageHandleSeconds(), o.talked())),
                    Cell.figure(hoursMinutes(o.availableSeconds()))));
        }
        return new Section("operators", "Operators", null, List.of(new Table("operators", "Operators",
                List.of("Operator", "Calls handled", "Average handle time", "Time available"), rows)), List.of());
    }

    private static <K> Chart offeredAnswered(String id, List<String> categories, List<Keyed<K, CallCounts>> rows) {
        return new Chart(id, "Calls", categories, List.of(
                new Chart.Series("Offered", rows.stream().map(k -> k.value().offered()).toList()),
                new Chart.Series("Answered", rows.stream().map(k -> k.value().answered()).toList())), false);
    }

    private static List<Cell> row(String name, String value) {
        return List.of(Cell.text(name), Cell.figure(value));
    }

    private static String whole(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
