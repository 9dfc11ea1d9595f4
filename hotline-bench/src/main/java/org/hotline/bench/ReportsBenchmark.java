package org.hotline.bench;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.CALL_STEPS;
import static org.hotline.core.db.Tables.DAILY_CALL_AGGREGATES;
import static org.hotline.core.db.Tables.DAILY_OPERATOR_AGGREGATES;
import static org.hotline.core.db.Tables.OPERATOR_STATES;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.TIPS;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.reports.ReportConfig;
import org.hotline.reports.ReportGenerator;
import org.hotline.reports.figures.FigureQueries;
import org.hotline.reports.figures.Period;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./scripts/bench reports}: the nightly report on days of 10,000 and 100,000 calls (or {@code --calls N}),
 * with tips and referrals, on the embedded H2 database. For each size it times one day's report and a 30-day
 * range, figures alone and the whole report (figures, HTML, charts, CSV), next to a baseline that computes the
 * same figures by loading the rows into Java. Each time is the median of the repetitions after one warm-up.
 */
final class ReportsBenchmark implements Benchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ReportsBenchmark.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Kabul");
    private static final LocalDate DAY = LocalDate.parse("2026-03-31");
    /** The 29 days before the measured one each get this share of its calls. */
    private static final int OTHER_DAYS_DIVISOR = 10;

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public BenchReport run(BenchContext context) throws Exception {
        List<Integer> sizes = context.calls().map(List::of)
                .orElse(context.quick() ? List.of(10_000) : List.of(10_000, 100_000));
        int reps = context.reps().orElse(context.quick() ? 3 : 5);
        List<Figure> figures = new ArrayList<>();
        JsonArray raw = new JsonArray();
        List<String> notes = new ArrayList<>();
        for (int calls : sizes) {
            raw.add(runSize(context, calls, reps, figures, notes));
        }
        notes.add("Embedded H2 file database (the default deployment), " + reps + " repetitions after one warm-up, "
                + "median shown. A day's report folds that day's call rows into the daily aggregates (one INSERT ... "
                + "SELECT ... GROUP BY), then reads every figure with aggregate queries. Before every timed run each table read is written to, so H2 "
                + "cannot return a cached result.");
        notes.add("Each size seeds the measured day with that many calls and each of the 29 days before with a tenth "
                + "as many; about 35 % of answered calls have a tip, 30 % of substantive tips a referral.");
        notes.add("Baseline: the same call, operator, tip and referral figures from the rows loaded into Java.");
        return new BenchReport(name(), "Nightly reports: time to generate", figures, notes,
                new JsonObject().put("sizes", raw));
    }

    private JsonObject runSize(BenchContext context, int calls, int reps, List<Figure> figures, List<String> notes)
            throws IOException {
        Path data = context.outDir().resolve("work").resolve("reports-" + calls);
        deleteTree(data);
        Settings settings = Settings.defaultSettings().with(Map.of("data.dir", data.toString()));
        try (Database database = Database.open(StorageConfig.from(settings))) {
            long seedStart = System.nanoTime();
            ReportsSeeder seeder = new ReportsSeeder(database.dsl(), ZONE);
            seeder.operators(200);
            for (int d = 29; d >= 1; d--) {
                seeder.day(DAY.minusDays(d), calls / OTHER_DAYS_DIVISOR);
            }
            seeder.day(DAY, calls);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            LOG.info("Seeded {} calls on {} and {} on each of the 29 days before in {} s", calls, DAY,
                    calls / OTHER_DAYS_DIVISOR, String.format("%.1f", seedSeconds));
            notes.add(Format.count(calls) + "-call day: seeding took " + Format.seconds(seedSeconds) + ".");

            Clock clock = Clock.fixed(DAY.plusDays(1).atTime(0, 30).atZone(ZONE).toInstant(), ZONE);
            ReportGenerator generator = new ReportGenerator(database.dsl(), ReportConfig.from(settings), clock,
                    new SimpleMeterRegistry());
            FigureQueries queries = new FigureQueries(database.dsl(), clock);
            Period day = Period.day(DAY, ZONE);
            Period range = new Period(DAY.minusDays(29), DAY, ZONE);
            long ours = queries.compute(day).calls().answered();
            long naive = NaiveReportFigures.compute(database.dsl(), day);
            if (ours != naive) {
                throw new IllegalStateException("answered calls differ: " + ours + " against " + naive);
            }
            String size = Format.count(calls) + "-call day";
            Runnable touch = () -> touch(database);
            double dayFigures = median(reps, touch, () -> queries.compute(day).calls().offered());
            double dayBaseline = median(reps, touch, () -> NaiveReportFigures.compute(database.dsl(), day));
            double dayReport = median(reps, touch, () -> generator.render(day).html().length());
            // The first range report folds all 30 days; after that the 29 earlier days are final and only read.
            touch.run();
            long rangeStart = System.nanoTime();
            generator.render(range);
            double rangeFirst = (System.nanoTime() - rangeStart) / 1e6;
            double rangeFigures = median(reps, touch, () -> queries.compute(range).calls().offered());
            double rangeBaseline = median(reps, touch, () -> NaiveReportFigures.compute(database.dsl(), range));
            double rangeReport = median(reps, touch, () -> generator.render(range).html().length());
            figures.add(new Figure(size + ": figures", ms(dayFigures), ms(dayBaseline),
                    Format.ratio(dayFigures, dayBaseline), ""));
            figures.add(new Figure(size + ": whole report (figures, HTML, charts, CSV)", ms(dayReport), "–", "–",
                    calls == 100_000 ? "< 1 s: " + (dayReport < 1000 ? "met" : "not met") : ""));
            figures.add(new Figure(size + ", 30-day range, first report (folds all 30 days)", ms(rangeFirst), "–", "–",
                    ""));
            figures.add(new Figure(size + ", 30-day range: figures", ms(rangeFigures), ms(rangeBaseline),
                    Format.ratio(rangeFigures, rangeBaseline), ""));
            figures.add(new Figure(size + ", 30-day range: whole report", ms(rangeReport), "–", "–", ""));
            return new JsonObject().put("calls", calls).put("seedSeconds", seedSeconds)
                    .put("dayFiguresMs", dayFigures).put("dayBaselineMs", dayBaseline).put("dayReportMs", dayReport)
                    .put("rangeFirstMs", rangeFirst).put("rangeFiguresMs", rangeFigures).put("rangeBaselineMs", rangeBaseline)
                    .put("rangeReportMs", rangeReport);
        } finally {
            deleteTree(data);
        }
    }

    /**
     * Median wall time in milliseconds of {@code reps} runs, after one warm-up run. {@code before} runs ahead of each
     * (untimed), to change the tables so the database cannot hand back a cached result.
     */
    private static double median(int reps, Runnable before, LongSupplier work) {
        before.run();
        long sink = work.getAsLong();
        double[] times = new double[reps];
        for (int i = 0; i < reps; i++) {
            before.run();
            long start = System.nanoTime();
            sink += work.getAsLong();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        if (sink == Long.MIN_VALUE) {
            LOG.trace("unreachable: keeps the work from being optimised away");
        }
        Arrays.sort(times);
        return times[reps / 2];
    }

    /**
     * H2 hands back the previous result of an identical query when none of its tables changed since; a real night
     * never repeats a query on unchanged tables, so every repetition first rewrites one row (unchanged) of each
     * table the reports read.
     */
    private static void touch(Database database) {
        var dsl = database.dsl();
        dsl.update(CALLS).set(CALLS.STEP, CALLS.STEP).where(CALLS.ID.eq(dsl.select(DSL.min(CALLS.ID)).from(CALLS))).execute();
        dsl.update(CALL_STEPS).set(CALL_STEPS.STEP, CALL_STEPS.STEP).where(CALL_STEPS.ID.eq(1L)).execute();
        dsl.update(OPERATOR_STATES).set(OPERATOR_STATES.STATE, OPERATOR_STATES.STATE)
                .where(OPERATOR_STATES.ID.eq(1L)).execute();
        dsl.update(TIPS).set(TIPS.CONTACT_TYPE, TIPS.CONTACT_TYPE).where(TIPS.ID.eq(dsl.select(DSL.min(TIPS.ID)).from(TIPS))).execute();
        dsl.update(REFERRALS).set(REFERRALS.STATUS, REFERRALS.STATUS).where(REFERRALS.ID.eq(dsl.select(DSL.min(REFERRALS.ID)).from(REFERRALS))).execute();
        dsl.update(REFERRAL_STATUS_CHANGES).set(REFERRAL_STATUS_CHANGES.TO_STATUS, REFERRAL_STATUS_CHANGES.TO_STATUS)
                .where(REFERRAL_STATUS_CHANGES.ID.eq(1L)).execute();
        dsl.update(DAILY_CALL_AGGREGATES).set(DAILY_CALL_AGGREGATES.OFFERED, DAILY_CALL_AGGREGATES.OFFERED)
                .where(DAILY_CALL_AGGREGATES.REPORT_DAY.eq(DAY.minusDays(29))).execute();
        dsl.update(DAILY_OPERATOR_AGGREGATES).set(DAILY_OPERATOR_AGGREGATES.TALKED, DAILY_OPERATOR_AGGREGATES.TALKED)
                .where(DAILY_OPERATOR_AGGREGATES.REPORT_DAY.eq(DAY.minusDays(29))).execute();
    }

    private static String ms(double millis) {
        return String.format(java.util.Locale.ROOT, "%,.0f ms", millis);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
