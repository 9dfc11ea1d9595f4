package org.hotline.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Turns the repetitions of {@link AgiBenchmark} into the summary table, with a note on how each row was measured. */
final class AgiFigures {
    private final AgiPlan plan;
    private final List<HoldRun.Result> holds;
    private final List<CommandRun.Result> commands;

    AgiFigures(AgiPlan plan, List<HoldRun.Result> holds, List<CommandRun.Result> commands) {
        this.plan = plan;
        this.holds = holds;
        this.commands = commands;
    }

    BenchReport report(BenchContext context) {
        List<Figure> rows = new ArrayList<>();
        Spread oursHeld = hold("ours", r -> r.held());
        Spread stockHeld = hold("stock", r -> r.held());
        Spread oursRejected = hold("ours", r -> r.rejected() + r.notSettled());
        Spread stockRejected = hold("stock", r -> r.rejected() + r.notSettled());
        boolean fullSize = plan.calls() >= AgiPlan.GOAL_HELD;
        boolean heldGoal = fullSize && oursHeld.min() >= AgiPlan.GOAL_HELD && oursRejected.max() == 0;
        rows.add(new Figure("Calls held at once (of " + Format.count(plan.calls()) + " ramped together)",
                oursHeld.format(Format::count), stockHeld.format(Format::count),
                Format.ratio(oursHeld.median(), stockHeld.median()),
                "10,000 held, 0 rejected: " + (fullSize ? verdict(heldGoal)
                        : "not attempted (" + Format.count(plan.calls()) + " calls this run)")));
        rows.add(new Figure("Calls rejected, dropped or never answered (client side)",
                oursRejected.format(Format::count), stockRejected.format(Format::count), "–",
                "0 rejected: " + verdict(oursRejected.max() == 0)));
        Spread oursHeap = hold("ours", HoldRun.Result::heapPerHeld);
        Spread stockHeap = hold("stock", HoldRun.Result::heapPerHeld);
        rows.add(new Figure("Heap per held call (after full GC)", oursHeap.format(Format::kib),
                stockHeap.format(Format::kib), Format.ratio(oursHeap.median(), stockHeap.median()),
                "< 100 KiB: " + verdict(oursHeap.max() < AgiPlan.GOAL_HEAP_PER_CALL)));
        Spread oursRss = hold("ours", HoldRun.Result::rssPerHeld);
        Spread stockRss = hold("stock", HoldRun.Result::rssPerHeld);
        rows.add(new Figure("Resident memory per held call (heap + thread stacks + native)",
                oursRss.format(Format::kib), stockRss.format(Format::kib),
                Format.ratio(oursRss.median(), stockRss.median()), "context"));
        rows.add(new Figure("Journal writes that failed (the caller goes on, the record is lost)",
                hold("ours", r -> r.journalFailed()).format(Format::count), "n/a", "–", "context"));
        rows.add(new Figure("Calls whose first record failed, so none of theirs landed",
                hold("ours", r -> r.entriesFailed()).format(Format::count), "n/a", "–", "context"));
        rows.add(contextRow("Time until every call was held or turned away", r -> r.rampSeconds(), Format::seconds));
        rows.add(new Figure("Time the journal kept writing after that",
                hold("ours", r -> r.journalSeconds()).format(Format::seconds), "n/a", "–", "context"));
        rows.add(contextRow("Server CPU while holding, journal idle (100 % = one core)", r -> r.serverCpuPercent(),
                Format::percent));
        Spread oursP50 = command("ours", r -> r.p50());
        Spread stockP50 = command("stock", r -> r.p50());
        rows.add(new Figure("AGI command round trip, p50", oursP50.format(Format::micros),
                stockP50.format(Format::micros), Format.ratio(oursP50.median(), stockP50.median()),
                "ratio ≤ 1.2: " + verdict(oursP50.median() <= AgiPlan.GOAL_COMMAND_RATIO * stockP50.median())));
        Spread oursP99 = command("ours", r -> r.p99());
        Spread stockP99 = command("stock", r -> r.p99());
        rows.add(new Figure("AGI command round trip, p99", oursP99.format(Format::micros),
                stockP99.format(Format::micros), Format.ratio(oursP99.median(), stockP99.median()), "context"));
        JsonObject raw = new JsonObject()
                .put("plan", plan.toJson())
                .put("hold", new JsonArray(new ArrayList<>(holds.stream().map(HoldRun.Result::toJson).toList())))
                .put("commands", new JsonArray(new ArrayList<>(commands.stream().map(CommandRun.Result::toJson)
                        .toList())));
        return new BenchReport("agi", "FastAGI: calls held and per-command overhead, ours vs stock Asterisk-Java",
                rows, notes(context), raw);
    }

    private List<String> notes(BenchContext context) {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Cells are the median over repetitions (%d per server for calls held, "
                + "%d for command round trips), with the range in brackets when runs differed. The ratio is ours ÷ "
                + "stock. Load average at the start %s, at the end %s (the machine is shared: compare within a run, "
                + "not across runs).", plan.holdReps(), plan.commandReps(), context.machine().loadAverage(),
                Machine.loadAverageNow()));
        notes.add("Calls held: each repetition starts a fresh server JVM (" + String.join(" ", plan.serverJvmFlags())
                + ", same JDK as the bench), warms it with " + Format.count(plan.warmupCalls())
                + " calls that reach hold and hang up, takes its heap after full GC, then starts all "
                + Format.count(plan.calls()) + " fake-Asterisk calls at once (one virtual thread each, in the bench "
                + "JVM). Callers never hang up: a call that ended before the snapshot was turned away by the server. "
                + "Once every call is held or gone, and our journal has finished the ramp's writes (it writes "
                + "in the background; the bench wraps it to count writes running, done and failed), CPU is "
                + "measured over " + plan.holdFor().toSeconds() + " s of holding, then held count and heap after "
                + "full GC are taken. Heap per held call = (heap with N held − idle heap) ÷ N held.");
        notes.add("Ours: the real AgiModule (H2 file database in a temp dir, Vert.x event bus, the real menus: "
                + "language 1, purpose 2) with a dispatch stand-in that queues every intake and never assigns; hold "
                + "poll " + plan.poll().toMillis() + " ms (production default is 500 ms), position interval and "
                + "voice-message offer 1 h so they never fire. Held = the hotline.calls.in.hold gauge. Metrics go to a "
                + "SimpleMeterRegistry and Vert.x runs without its metrics, unlike ./scripts/run.");
        notes.add("Stock: org.asteriskjava.fastagi.DefaultAgiServer with its default pool (10 core / 500 max platform "
                + "threads, SynchronousQueue) and a script that answers, plays one prompt and loops WAIT FOR DIGIT "
                + plan.poll().toMillis() + " ms. Held = scripts in that loop now. \"Execution was rejected by pool\" "
                + "lines in its log per repetition: " + poolRejections() + ".");
        notes.add("Resident memory per held call is the server's VmRSS delta: it counts what heap per call leaves out, "
                + "notably the stock server's platform-thread stacks (ours keeps virtual-thread stacks on the heap).");
        notes.add("Command round trip: a bench-only script on each server issues " + plan.pairs()
                + " pairs of STREAM FILE \"hotline/hold\" \"1234\" + WAIT FOR DIGIT 0 per call and times each "
                + "command from the call to the parsed reply. Ours runs it on HotlineAgiServer (virtual thread, "
                + "explicit mapping, guarded socket) through our Caller wrapper; stock runs it on DefaultAgiServer "
                + "straight on AgiChannel. One call at a time (no queueing in the figure), the servers taking turns "
                + "call by call; " + plan.commandWarmup() + " warm-up calls per server, then " + plan.commandReps()
                + " repetitions of " + plan.commandCalls() + " calls ("
                + Format.count(2L * plan.pairs() * plan.commandCalls()) + " commands) per server. The fake Asterisk "
                + "answers at once, so the figure is the servers' own cost plus loopback TCP, not Asterisk's.");
        Spread virtualP50 = command(AgiBenchmark.STOCK_VIRTUAL, r -> r.p50());
        Spread virtualP99 = command(AgiBenchmark.STOCK_VIRTUAL, r -> r.p99());
        notes.add("Diagnostic, same turns: the stock server and script with only the pool swapped for a virtual thread "
                + "per call: p50 " + virtualP50.format(Format::micros) + ", p99 " + virtualP99.format(Format::micros)
                + ". Against stock this is the cost of virtual threads; against ours, the cost of the rest of our "
                + "stack (guarded socket, Caller).");
        notes.addAll(saturation());
        notes.add("Server logs: " + context.logs() + ".");
        return notes;
    }

    /** Says where ours fell short, if it did, and what the server said, so the figures are read rightly. */
    private List<String> saturation() {
        List<String> notes = new ArrayList<>();
        for (HoldRun.Result r : holds) {
            if (r.server().equals("ours") && (r.rejected() > 0 || r.notSettled() > 0)) {
                String warnings = r.serverWarnings().entrySet().stream().limit(3)
                        .map(e -> Format.count(e.getValue()) + " × \"" + e.getKey() + "\"")
                        .collect(Collectors.joining("; "));
                notes.add(String.format(Locale.ROOT, "Ours, one repetition: %s held, %s ended early (%s never "
                                + "answered, %s closed by the server, %s other), %s neither held nor ended after %s. "
                                + "Server warnings: %s.",
                        Format.count(r.held()), Format.count(r.rejected()), Format.count(r.neverAnswered()),
                        Format.count(r.closedByServer()), Format.count(r.otherFailures()),
                        Format.count(r.notSettled()), Format.seconds(r.rampSeconds()),
                        warnings.isEmpty() ? "none" : warnings));
            }
            if (r.server().equals("ours") && r.journalSeconds() >= HoldRun.JOURNAL_LIMIT.toSeconds()) {
                notes.add("Ours, one repetition: the journal was still writing after " + HoldRun.JOURNAL_LIMIT
                        .toSeconds() + " s, so its CPU figure includes the catch-up.");
            }
        }
        return notes;
    }

    private String poolRejections() {
        return String.join(", ", holds.stream().filter(r -> r.server().equals("stock"))
                .map(r -> Format.count(r.serverWarnings().entrySet().stream()
                        .filter(e -> e.getKey().contains("Execution was rejected by pool"))
                        .mapToLong(Map.Entry::getValue).sum())).toList());
    }

    private Figure contextRow(String label, ToDoubleFunction<HoldRun.Result> figure, DoubleFunction<String> format) {
        Spread ours = hold("ours", figure);
        Spread stock = hold("stock", figure);
        return new Figure(label, ours.format(format), stock.format(format), Format.ratio(ours.median(),
                stock.median()), "context");
    }

    /** One server's figure over its hold repetitions. */
    private Spread hold(String server, ToDoubleFunction<HoldRun.Result> figure) {
        return Spread.of(holds.stream().filter(r -> r.server().equals(server)).map(figure::applyAsDouble).toList());
    }

    /** One server's figure over its command repetitions. */
    private Spread command(String server, ToDoubleFunction<CommandRun.Result> figure) {
        return Spread.of(commands.stream().filter(r -> r.server().equals(server)).map(figure::applyAsDouble)
                .toList());
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }
}
