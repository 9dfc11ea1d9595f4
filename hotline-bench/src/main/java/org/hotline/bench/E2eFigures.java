package org.hotline.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The e2e ramp as table rows: sustained rate and knee, then each step, ours against the stock ceiling. */
final class E2eFigures {
    private static final double GOAL_RATE = 1000;
    private static final double GOAL_OFFER_P99_NANOS = 20e6;

    private final List<E2eBenchmark.ServerRun> runs;
    private final int operators;
    private final int cap;
    private final double stepSeconds;

    E2eFigures(List<E2eBenchmark.ServerRun> runs, int operators, int cap, double stepSeconds) {
        this.runs = runs;
        this.operators = operators;
        this.cap = cap;
        this.stepSeconds = stepSeconds;
    }

    BenchReport report(BenchContext context) {
        E2eBenchmark.ServerRun ours = run("ours");
        E2eBenchmark.ServerRun stock = run("stock");
        List<Figure> rows = new ArrayList<>();
        double oursSustained = sustained(ours);
        double stockSustained = sustained(stock);
        rows.add(new Figure("e2e: sustained calls/s, zero lost or failed (highest step carried whole)",
                rate(oursSustained), rate(stockSustained), Format.ratio(oursSustained, stockSustained),
                "1,000 calls/s: " + (oursSustained >= GOAL_RATE ? "met" : "not met")));
        rows.add(new Figure("e2e: knee (first step losing calls, or p99 time-to-offer over 20 ms)", knee(ours),
                knee(stock), "", ""));
        for (int i = 0; i < ours.steps().size(); i++) {
            E2eBenchmark.Step o = ours.steps().get(i);
            Optional<E2eBenchmark.Step> s = stepAt(stock, o.result().rate());
            String at = "at " + Format.count(o.result().rate()) + "/s";
            rows.add(new Figure("e2e " + at + ": calls carried / lost (arrived at)", carried(o),
                    s.map(E2eFigures::carried).orElse("not run"), "", ""));
            boolean below = o.result().lost() == 0;
            rows.add(new Figure("e2e " + at + ": time-to-offer p50 / p99 (queued → offer on operator's socket)",
                    pair(o.result().toOffer()), s.map(x -> pair(x.result().toOffer())).orElse(""),
                    Format.ratio(o.result().toOffer().p99(), s.map(x -> x.result().toOffer().p99()).orElse(Double.NaN)),
                    below ? "p99 < 20 ms: " + (o.result().toOffer().p99() < GOAL_OFFER_P99_NANOS ? "met" : "not met")
                            : ""));
            rows.add(new Figure("e2e " + at + ": time-to-tip-saved p50 / p99 (call start → tip 201)",
                    pair(o.result().toTip()), s.map(x -> pair(x.result().toTip())).orElse(""),
                    Format.ratio(o.result().toTip().p99(), s.map(x -> x.result().toTip().p99()).orElse(Double.NaN)),
                    ""));
            rows.add(new Figure("e2e " + at + ": server CPU (of all cores) / heap in use / threads", load(o),
                    s.map(E2eFigures::load).orElse(""), "", ""));
        }
        runs.stream().filter(r -> r.server().equals("cluster")).findFirst()
                .ifPresent(cluster -> rows.addAll(clusterRows(cluster, ours)));
        List<String> notes = new ArrayList<>();
        notes.add("Full path over real sockets: the fake Asterisk (this JVM, one virtual thread per call) runs the IVR "
                + "on the hotline's FastAGI port; callers pick one of six languages and a purpose (10% danger, 40% "
                + "report, 25% own help, 25% information; 30% press during the prompt), wait in hold, and are handed "
                + "to the operator who accepted; then `hotline-end` (DIALSTATUS=ANSWER) ends the call and the operator "
                + "saves a substantive tip with one referral by POST /api/tips. A call is carried only if all of that "
                + "happened.");
        notes.add(String.format(Locale.ROOT, "%d simulated operators (all six languages) signed in through the real "
                + "form and connected to the real SockJS bridge over WebSocket from this JVM; they accept every offer "
                + "at once and talk for 0 s.", operators));
        notes.add(String.format(Locale.ROOT, "Shortened timings (benchmark settings, not production): every prompt "
                + "plays %d ms, hold polls every %d ms (production 500 ms). Real prompts last seconds and calls sit in "
                + "the IVR for minutes, so real concurrency per call/s is far higher than here.",
                E2eBenchmark.PLAYBACK.toMillis(), E2eBenchmark.HOLD_POLL_MILLIS));
        notes.add(String.format(Locale.ROOT, "Open-loop arrivals: each step starts calls on schedule, %.0f s or at most "
                + "%,d calls per step, after a 200-call warm-up; a step losing over 20%% ends the ramp. One run per "
                + "step (no repetitions: the ramp is the series), so read single figures with the machine's noise in "
                + "mind.", stepSeconds, cap));
        notes.add("Time-to-offer is the operator's socket receiving the offer minus the queue time the server stamps "
                + "on it (both wall clock on this machine, millisecond resolution). Time-to-tip-saved runs from the "
                + "call's connect to the 201 of its tip, and so includes the shortened menus.");
        notes.add("Stock baseline: the same hotline with its FastAGI call pool re-sized, in the bench's server JVM "
                + "only (by reflection), to Asterisk-Java's DefaultAgiServer defaults: platform threads, 10 core / "
                + "500 max, SynchronousQueue; the 501st concurrent call is rejected and its socket closed.");
        notes.add("Server CPU is the hotline JVM's CPU time over the step's wall time, as a share of all "
                + context.machine().cpus() + " cores; the fake Asterisk and the operator clients share the machine. "
                + "Heap is in use at the step's end, without a collection.");
        if (runs.stream().anyMatch(r -> r.server().equals("cluster"))) {
            notes.add("Cluster (--cluster): the same ramp against two FastAGI nodes (roles=agi) and one dispatch node "
                    + "(roles=dispatch), three JVMs joined over Hazelcast on loopback and sharing an embedded "
                    + "PostgreSQL; calls alternate between the FastAGI nodes; operators sign in on the dispatch node. "
                    + "The baseline is the single process (embedded H2) of the same run. All of it shares the same "
                    + "cores, so this measures what clustering costs per call, not the capacity more machines add; "
                    + "CPU, heap and threads add up over the three JVMs.");
        }
        runs.forEach(r -> {
            if (r.stopped() != null) {
                notes.add("Ramp of " + r.server() + " ended early: " + r.stopped() + ".");
            }
            if (!r.warnings().isEmpty()) {
                notes.add("Server warnings (" + r.server() + "): " + r.warnings().entrySet().stream().limit(4)
                        .map(e -> e.getValue() + "× " + e.getKey()).toList());
            }
        });
        if (ours.profile() != null) {
            JfrTop.Top top = ours.profile();
            E2eBenchmark.Step last = ours.steps().getLast();
            notes.add(String.format(Locale.ROOT, "JFR profile of ours at %s/s (the highest step run; %d CPU samples, "
                    + "recording in target/bench/e2e-ours-last-step.jfr). Top frames on CPU: %s. By the first "
                    + "frame of our code on the stack: %s.", Format.count(last.result().rate()), top.samples(),
                    String.join("; ", top.self().stream().limit(8).map(JfrTop.Row::line).toList()),
                    String.join("; ", top.ours().stream().limit(8).map(JfrTop.Row::line).toList())));
        }
        JsonObject raw = new JsonObject();
        for (E2eBenchmark.ServerRun r : runs) {
            JsonArray steps = new JsonArray();
            r.steps().forEach(s -> steps.add(s.result().toJson().put("cpuPercent", s.cpuPercent())
                    .put("heapUsedBytes", s.heapUsed()).put("threads", s.threads())));
            raw.put(r.server(), steps);
        }
        if (ours.profile() != null) {
            JsonObject profile = new JsonObject().put("samples", ours.profile().samples());
            JsonArray self = new JsonArray();
            ours.profile().self().forEach(row -> self.add(new JsonObject().put("frame", row.frame())
                    .put("samples", row.samples()).put("percent", row.percent())));
            JsonArray byOurs = new JsonArray();
            ours.profile().ours().forEach(row -> byOurs.add(new JsonObject().put("frame", row.frame())
                    .put("samples", row.samples()).put("percent", row.percent())));
            raw.put("profile", profile.put("topFrames", self).put("byOurFirstFrame", byOurs));
        }
        return new BenchReport("e2e", "End to end: calls through IVR, hold, dispatch, bridge and tips", rows, notes,
                raw);
    }

    /** The cluster's ramp against the single process's, step by step. */
    private static List<Figure> clusterRows(E2eBenchmark.ServerRun cluster, E2eBenchmark.ServerRun single) {
        List<Figure> rows = new ArrayList<>();
        double clustered = sustained(cluster);
        double alone = sustained(single);
        rows.add(new Figure("e2e cluster (2 FastAGI + 1 dispatch JVM, PostgreSQL): sustained calls/s, zero lost",
                rate(clustered), rate(alone) + " (one process)", Format.ratio(clustered, alone), "context"));
        rows.add(new Figure("e2e cluster: knee", knee(cluster), knee(single) + " (one process)", "", ""));
        for (E2eBenchmark.Step c : cluster.steps()) {
            Optional<E2eBenchmark.Step> s = stepAt(single, c.result().rate());
            String at = "at " + Format.count(c.result().rate()) + "/s";
            rows.add(new Figure("e2e cluster " + at + ": carried / lost; time-to-offer p50 / p99", carried(c) + "; "
                    + pair(c.result().toOffer()), s.map(x -> carried(x) + "; " + pair(x.result().toOffer()))
                    .orElse("not run"), Format.ratio(c.result().toOffer().p99(),
                    s.map(x -> x.result().toOffer().p99()).orElse(Double.NaN)), ""));
            rows.add(new Figure("e2e cluster " + at + ": CPU (all JVMs) / heap / threads", load(c),
                    s.map(E2eFigures::load).orElse(""), "", ""));
        }
        return rows;
    }

    private E2eBenchmark.ServerRun run(String server) {
        return runs.stream().filter(r -> r.server().equals(server)).findFirst()
                .orElse(new E2eBenchmark.ServerRun(server, List.of(), java.util.Map.of(), null, null));
    }

    private static double sustained(E2eBenchmark.ServerRun run) {
        double best = 0;
        for (E2eBenchmark.Step step : run.steps()) {
            if (step.result().lost() > 0) {
                break;
            }
            best = step.result().rate();
        }
        return best;
    }

    private static String knee(E2eBenchmark.ServerRun run) {
        for (E2eBenchmark.Step step : run.steps()) {
            E2eStep.Result r = step.result();
            if (r.lost() > 0) {
                return Format.count(r.rate()) + "/s (" + Format.count(r.lost()) + " lost: " + r.why() + ")";
            }
            if (r.toOffer().p99() > GOAL_OFFER_P99_NANOS) {
                return Format.count(r.rate()) + "/s (p99 time-to-offer " + Latencies.millis(r.toOffer().p99()) + ")";
            }
        }
        if (run.stopped() != null) {
            return "server stopped answering after " + Format.count(run.steps().getLast().result().rate()) + "/s";
        }
        return run.steps().isEmpty() ? "not run"
                : "not reached up to " + Format.count(run.steps().getLast().result().rate()) + "/s";
    }

    private static Optional<E2eBenchmark.Step> stepAt(E2eBenchmark.ServerRun run, double rate) {
        return run.steps().stream().filter(s -> s.result().rate() == rate).findFirst();
    }

    private static String carried(E2eBenchmark.Step step) {
        E2eStep.Result r = step.result();
        return Format.count(r.carried()) + " / " + Format.count(r.lost()) + " ("
                + String.format(Locale.ROOT, "%.0f/s", r.arrivedPerSecond()) + ")";
    }

    private static String pair(Latencies latencies) {
        return Latencies.millis(latencies.p50()) + " / " + Latencies.millis(latencies.p99());
    }

    private static String load(E2eBenchmark.Step step) {
        if (step.threads() < 0) {
            return "server not answering";
        }
        return Format.percent(step.cpuPercent()) + " / " + Format.mib(step.heapUsed()) + " / " + step.threads();
    }

    private static String rate(double rate) {
        return rate == 0 ? "none" : Format.count(rate) + "/s";
    }
}
