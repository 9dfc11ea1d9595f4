package org.hotline.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./scripts/bench jmh}: the hot paths the e2e profile points at, as JMH microbenchmarks in forked JVMs: the
 * routing decision ({@code RoutingDecisionJmh}: one call's life on the floor, with and without a backlog nobody
 * can take), the intake's JSON mapping and caller pseudonymization. Short runs (one fork, 1-second iterations),
 * sized to fit the whole harness in its time budget; JMH's own error bars are in the table.
 */
final class JmhBenchmark implements Benchmark {
    private static final String ROUTING = "org.hotline.dispatch.routing.RoutingDecisionJmh";

    @Override
    public String name() {
        return "jmh";
    }

    @Override
    public BenchReport run(BenchContext context) throws Exception {
        int iterations = context.reps().orElse(context.quick() ? 2 : 3);
        Options options = new OptionsBuilder()
                .include("org.hotline.dispatch.routing.RoutingDecisionJmh")
                .include("org.hotline.bench.jmh.*")
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx512m")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Figure> rows = new ArrayList<>();
        JsonArray raw = new JsonArray();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            Map<String, String> params = params(result);
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            String unit = result.getPrimaryResult().getScoreUnit();
            raw.add(new JsonObject().put("benchmark", benchmark).put("params", new JsonObject(new java.util.HashMap<>(
                    params))).put("score", score).put("error", error).put("unit", unit));
            String ours = String.format(Locale.ROOT, "%,.2f ± %,.2f %s", score, Double.isNaN(error) ? 0 : error, unit);
            String label = label(benchmark, params);
            String baseline = "–";
            String ratio = "–";
            if (benchmark.startsWith(ROUTING) && !"0".equals(params.get("backlog"))) {
                Optional<RunResult> empty = results.stream().filter(r -> r.getParams().getBenchmark().equals(benchmark)
                        && params(r).get("seats").equals(params.get("seats")) && "0".equals(params(r).get("backlog")))
                        .findFirst();
                if (empty.isPresent()) {
                    double base = empty.get().getPrimaryResult().getScore();
                    baseline = String.format(Locale.ROOT, "%,.2f %s (no backlog)", base, unit);
                    ratio = Format.ratio(score, base);
                }
            }
            rows.add(new Figure(label, ours, baseline, ratio, ""));
        }
        List<String> notes = List.of(
                "JMH 1.37, average time per operation, 1 fork, 2 × 1 s warm-up, " + iterations + " × 1 s measured; "
                        + "the ± is JMH's 99.9% error. Short runs to fit the harness's time budget, on a shared "
                        + "2-core machine: read them as orders of magnitude.",
                "Routing decision: one call's whole life on the Floor (intake and offer, accept, hand-off, end, tip "
                        + "saved) with the given operators on the floor; 'backlog' calls wait in a language nobody "
                        + "there speaks, so every decision walks them. Baseline: the same with no backlog.",
                "Intake JSON mapping and pseudonymization did not show in the e2e profile (each under 1% of "
                        + "samples); they are measured here to say so with a figure.");
        return new BenchReport("jmh", "Hot paths (JMH): routing decision, intake JSON, pseudonymization", rows,
                notes, new JsonObject().put("results", raw));
    }

    private static Map<String, String> params(RunResult result) {
        Map<String, String> params = new java.util.TreeMap<>();
        for (String key : result.getParams().getParamsKeys()) {
            params.put(key, result.getParams().getParam(key));
        }
        return params;
    }

    private static String label(String benchmark, Map<String, String> params) {
        String simple = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        if (benchmark.startsWith(ROUTING)) {
            return "routing decision, one call's life (" + params.get("seats") + " operators, backlog "
                    + params.get("backlog") + ")";
        }
        return simple + (params.isEmpty() ? "" : " " + params);
    }
}
