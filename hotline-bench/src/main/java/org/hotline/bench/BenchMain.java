package org.hotline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./scripts/bench [agi|dispatch|reports|e2e|jmh|all] [--quick] [--cluster] [--calls N] [--reps N] [--out DIR]}: runs
 * benchmarks and writes {@code <out>/<name>.md} and {@code <name>.json} for each, printing the tables; a run of
 * several also writes one {@code summary.md} and {@code summary.json} and prints the summary last. Figures, not a pass/fail test:
 * it exits 0 whatever the figures are, and non-zero only when a benchmark could not run.
 */
public final class BenchMain {
    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);
    /** The result table and usage go to stdout through this logger (see logback.xml), bare. */
    private static final Logger RESULT = LoggerFactory.getLogger("bench.result");
    /** Every benchmark, in the order {@code all} runs them. */
    private static final List<Benchmark> BENCHMARKS = List.of(new AgiBenchmark(), new DispatchBenchmark(),
            new ReportsBenchmark(), new E2eBenchmark(), new JmhBenchmark());

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        boolean quick = false;
        boolean cluster = false;
        Optional<Integer> calls = Optional.empty();
        Optional<Integer> reps = Optional.empty();
        Path out = Path.of("target", "bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--cluster" -> cluster = true;
                case "--calls" -> calls = Optional.of(positive(args, ++i));
                case "--reps" -> reps = Optional.of(positive(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        fail("unknown option " + args[i]);
                    }
                    names.add(args[i]);
                }
            }
        }
        List<Benchmark> selected = select(names);
        BenchContext context = new BenchContext(quick, calls, reps, out.toAbsolutePath(), Machine.describe(),
                selected.size() > 1, cluster);
        LOG.info("Machine: {}", context.machine().oneLine());
        List<BenchReport> reports = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        long began = System.nanoTime();
        for (Benchmark benchmark : selected) {
            LOG.info("Running benchmark '{}'{}", benchmark.name(), quick ? " (quick)" : "");
            long start = System.nanoTime();
            BenchReport report = benchmark.run(inSuite(benchmark, context));
            seconds.add((System.nanoTime() - start) / 1e9);
            reports.add(report);
            String markdown = SummaryTable.write(context.outDir(), report, context.machine());
            RESULT.info("\n{}", markdown);
            RESULT.info("Written: {} and .json", context.outDir().resolve(benchmark.name() + ".md"));
        }
        if (selected.size() > 1) {
            double total = (System.nanoTime() - began) / 1e9;
            String summary = SummaryTable.writeSummary(context.outDir(), reports, seconds, total, quick,
                    context.machine());
            RESULT.info("\n{}", summary);
            RESULT.info("Written: {} and summary.json", context.outDir().resolve("summary.md"));
        }
    }

    /**
     * Fits the full suite in its budget: the reports benchmark runs its 10,000-call day only, since seeding its
     * 100,000-call day and 30-day range takes minutes; {@code ./scripts/bench reports} runs both sizes.
     */
    private static BenchContext inSuite(Benchmark benchmark, BenchContext context) {
        if (context.suite() && !context.quick() && context.calls().isEmpty() && benchmark instanceof ReportsBenchmark) {
            LOG.info("Suite run: the reports benchmark runs its 10,000-call day only (./scripts/bench reports for both)");
            return context.withCalls(10_000);
        }
        return context;
    }

    private static List<Benchmark> select(List<String> names) {
        if (names.isEmpty() || names.contains("all")) {
            return BENCHMARKS;
        }
        List<Benchmark> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(BENCHMARKS.stream().filter(b -> b.name().equals(name)).findFirst()
                    .orElseThrow(() -> fail("unknown benchmark '" + name + "'; known: all, "
                            + String.join(", ", BENCHMARKS.stream().map(Benchmark::name).toList()))));
        }
        return selected;
    }

    private static int positive(String[] args, int i) {
        try {
            int n = Integer.parseInt(value(args, i));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fail(args[i - 1] + " needs a positive number");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw fail(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage() {
        RESULT.info("""
                Usage: ./scripts/bench [agi|dispatch|reports|e2e|jmh|all] [--quick] [--cluster] [--calls N] [--reps N] [--out DIR]
                  agi        FastAGI: concurrent calls held and per-command overhead, ours against stock Asterisk-Java
                  dispatch   intake to offer on an operator's socket through the bridge at 50, 200, 1,000 calls/s;
                             tips saved per second
                  reports    nightly reports: one day and a 30-day range on days of 10,000, 100,000 and 1,000,000 calls
                  e2e        calls over real sockets through IVR, hold, dispatch, bridge and tips, rate stepped up to
                             the knee; ours against the FastAGI pool at Asterisk-Java's stock ceiling; JFR top frames
                  jmh        JMH microbenchmarks of the hot paths: routing decision, intake JSON, pseudonymization
                  all        every benchmark (the default)
                  --quick    a short run (1,000 held calls, fewer repetitions)
                  --cluster  e2e also runs two FastAGI nodes and a dispatch node as a cluster on PostgreSQL
                  --calls N  held calls to ramp (default 10,000)
                  --reps N   repetitions per figure
                  --out DIR  where results go (default target/bench)""");
    }

    private static IllegalArgumentException fail(String message) {
        LOG.error("bench: {}", message);
        usage();
        System.exit(2);
        return new IllegalArgumentException(message);
    }
}
