package org.hotline.bench;

import static org.hotline.core.db.Tables.AGGREGATED_DAYS;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.DAILY_CALL_AGGREGATES;
import static org.hotline.core.db.Tables.DAILY_OPERATOR_AGGREGATES;
import static org.hotline.core.db.Tables.OPERATOR_STATES;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.REPORT_RUNS;
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
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
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
 * {@code ./scripts/bench reports}: the nightly report on days of 10,000, 100,000 and 1,000,000 calls (or
 * {@code --calls N}), with tips and referrals, on the embedded H2 database. For each day it times the day's report
 * and a 30-day range, figures alone and the whole report (figures, HTML, charts, CSV), next to a baseline that
 * computes the same figures by loading the rows into Java. Each time is the median of the repetitions after one
 * warm-up.
 *
 * <p>Seeded databases are kept under {@code <out>/work} and reused by the next run when they were seeded the same
 * way (a million-call day takes minutes to seed); delete that folder to seed afresh. Every measured day starts from
 * empty aggregates, so a reused database measures the same work as a fresh one.
 */
final class ReportsBenchmark implements Benchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ReportsBenchmark.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Kabul");
    private static final LocalDate DAY = LocalDate.parse("2026-03-31");
    /** The 29 days before a measured day each get this share of its calls, up to {@link #BACKGROUND_CAP}. */
    private static final int BACKGROUND_DIVISOR = 10;
    private static final int BACKGROUND_CAP = 10_000;
    /** Days above this many calls are seeded without call_steps rows (see {@link ReportsSeeder#day}). */
    private static final int STEPS_UP_TO = 100_000;
    private static final int MILLION = 1_000_000;
    /** Bumped whenever the seeder changes what it writes, so an older kept database is seeded again. */
    private static final String SEED_VERSION = "3";

    /** A database to seed: 29 background days, then the measured days in date order. */
    private record Plan(String name, int background, List<Integer> days) {
        LocalDate day(int index) {
            return DAY.plusDays(index);
        }

        String fingerprint() {
            return "seed " + SEED_VERSION + ", 200 operators, 29 days of " + background + " calls before " + DAY
                    + ", then " + days;
        }
    }

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public BenchReport run(BenchContext context) throws Exception {
        List<Plan> plans = context.calls()
                .map(n -> List.of(new Plan("reports-" + n, background(n), List.of(n))))
                .orElse(context.quick() ? List.of(new Plan("reports-10000", 1_000, List.of(10_000)))
                        : List.of(new Plan("reports-10000", 1_000, List.of(10_000)),
                        // The million-call day follows the 100,000-call day in one database: one set of
                        // background days to seed instead of two.
                        new Plan("reports-100000-1000000", BACKGROUND_CAP, List.of(100_000, MILLION))));
        int reps = context.reps().orElse(context.quick() ? 3 : 5);
        List<Figure> figures = new ArrayList<>();
        JsonArray raw = new JsonArray();
        List<String> notes = new ArrayList<>();
        for (Plan plan : plans) {
            Path data = context.outDir().resolve("work").resolve(plan.name());
            seed(plan, data, notes);
            Settings settings = Settings.defaultSettings().with(Map.of("data.dir", data.toString()));
            try (Database database = Database.open(StorageConfig.from(settings))) {
                for (int i = 0; i < plan.days().size(); i++) {
                    int calls = plan.days().get(i);
                    // Each repetition on a million calls folds them again (tens of seconds on a shared machine);
                    // one after the warm-up keeps the whole bench within its quarter of an hour.
                    int dayReps = calls >= MILLION ? 1 : reps;
                    raw.add(measure(database, settings, plan.day(i), calls, dayReps, figures));
                }
            }
        }
        notes.add("Embedded H2 file database (the default deployment), " + reps + " repetitions after one warm-up "
                + "(one for the million-call day), median shown. A day's report folds that day's call rows into the "
                + "daily aggregates (GROUP BY hour, language, outcome and wait band, and per operator), then reads "
                + "every figure with aggregate queries. Before every timed run each table read is written to, so H2 "
                + "cannot return a cached result.");
        notes.add("Each measured day has the 29 days before it seeded with a tenth as many calls (at most 10,000 a "
                + "day); the million-call day is the day after the 100,000-call day, so its 30-day range holds both. "
                + "About 35 % of answered calls have a tip, 30 % of substantive tips a referral. Days over 100,000 "
                + "calls are seeded without call_steps rows, which neither the report nor the baseline reads.");
        notes.add("Baseline: the same call, operator, tip and referral figures from the rows loaded into Java.");
        return new BenchReport(name(), "Nightly reports: time to generate", figures, notes,
                new JsonObject().put("sizes", raw));
    }

    private static int background(int calls) {
        return Math.min(calls / BACKGROUND_DIVISOR, BACKGROUND_CAP);
    }

    /**
     * Seeds the plan's database unless a kept one was seeded the same way. Seeding opens H2 with its default
     * write delay instead of our WRITE_DELAY=0: with a chunk written at every commit the file grew to gigabytes of
     * dead pages during a big seed. The measured runs open it as the hotline does.
     */
    private static void seed(Plan plan, Path data, List<String> notes) throws IOException {
        Path marker = data.resolve("seeded.txt");
        if (Files.exists(marker) && Files.readString(marker).equals(plan.fingerprint())) {
            LOG.info("Reusing the seeded database in {} ({})", data, plan.fingerprint());
            notes.add(plan.name() + ": reused a database seeded by an earlier run.");
            return;
        }
        WorkDirs.deleteTree(data);
        Settings defaults = Settings.defaultSettings().with(Map.of("data.dir", data.toString()));
        String url = StorageConfig.from(defaults).jdbcUrl().replace(";WRITE_DELAY=0", "");
        Settings seeding = defaults.with(Map.of("db.url", url));
        long seedStart = System.nanoTime();
        try (Database database = Database.open(StorageConfig.from(seeding))) {
            ReportsSeeder seeder = new ReportsSeeder(database.dsl(), ZONE);
            seeder.operators(200);
            for (int d = 29; d >= 1; d--) {
                seeder.day(DAY.minusDays(d), plan.background(), true);
            }
            for (int i = 0; i < plan.days().size(); i++) {
                int calls = plan.days().get(i);
                long dayStart = System.nanoTime();
                seeder.day(plan.day(i), calls, calls <= STEPS_UP_TO);
                LOG.info("Seeded {} calls on {} in {} s", calls, plan.day(i),
                        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - dayStart) / 1e9));
            }
            seeder.finish();
        }
        double seconds = (System.nanoTime() - seedStart) / 1e9;
        Files.writeString(marker, plan.fingerprint());
        LOG.info("Seeded {} in {} s", plan.fingerprint(), String.format(java.util.Locale.ROOT, "%.1f", seconds));
        notes.add(plan.name() + ": seeding (" + plan.fingerprint() + ") took " + Format.seconds(seconds) + ".");
    }

    private JsonObject measure(Database database, Settings settings, LocalDate measured, int calls, int reps,
                               List<Figure> figures) {
        resetAggregates(database);
        Clock clock = Clock.fixed(measured.plusDays(1).atTime(0, 30).atZone(ZONE).toInstant(), ZONE);
        ReportGenerator generator = new ReportGenerator(database.dsl(), ReportConfig.from(settings), clock,
                new SimpleMeterRegistry());
        FigureQueries queries = new FigureQueries(database.dsl(), clock);
        Period day = Period.day(measured, ZONE);
        Period range = new Period(measured.minusDays(29), measured, ZONE);
        long ours = queries.compute(day).calls().answered();
        long naive = NaiveReportFigures.compute(database.dsl(), day);
        if (ours != naive) {
            throw new IllegalStateException("answered calls differ: " + ours + " against " + naive);
        }
        LOG.info("Measuring the {}-call day {} ({} repetitions)", calls, measured, reps);
        String size = Format.count(calls) + "-call day";
        Runnable touch = () -> touch(database, range.from());
        double dayFigures = median(reps, touch, () -> queries.compute(day).calls().offered());
        double dayBaseline = median(reps, touch, () -> NaiveReportFigures.compute(database.dsl(), day));
        double dayReport = median(reps, touch, () -> generator.render(day).html().length());
        // The first range report folds all 30 days; after that the 29 earlier days are final and only read.
        resetAggregates(database);
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
        LOG.info("{}: figures {} (baseline {}), whole report {}; 30-day range: first {}, figures {} (baseline {}), "
                + "whole report {}", size, ms(dayFigures), ms(dayBaseline), ms(dayReport), ms(rangeFirst),
                ms(rangeFigures), ms(rangeBaseline), ms(rangeReport));
        return new JsonObject().put("calls", calls).put("day", measured.toString())
                .put("dayFiguresMs", dayFigures).put("dayBaselineMs", dayBaseline).put("dayReportMs", dayReport)
                .put("rangeFirstMs", rangeFirst).put("rangeFiguresMs", rangeFigures)
                .put("rangeBaselineMs", rangeBaseline).put("rangeReportMs", rangeReport);
    }

    /** Forgets every fold and report, as on a database whose calls were never reported. */
    private static void resetAggregates(Database database) {
        database.dsl().transaction(tx -> {
            tx.dsl().deleteFrom(DAILY_CALL_AGGREGATES).execute();
            tx.dsl().deleteFrom(DAILY_OPERATOR_AGGREGATES).execute();
            tx.dsl().deleteFrom(AGGREGATED_DAYS).execute();
            tx.dsl().deleteFrom(REPORT_RUNS).execute();
        });
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
    private static void touch(Database database, LocalDate firstDay) {
        var dsl = database.dsl();
        dsl.update(CALLS).set(CALLS.STEP, CALLS.STEP).where(CALLS.ID.eq(dsl.select(DSL.min(CALLS.ID)).from(CALLS))).execute();
        dsl.update(OPERATOR_STATES).set(OPERATOR_STATES.STATE, OPERATOR_STATES.STATE)
                .where(OPERATOR_STATES.ID.eq(1L)).execute();
        dsl.update(TIPS).set(TIPS.CONTACT_TYPE, TIPS.CONTACT_TYPE).where(TIPS.ID.eq(dsl.select(DSL.min(TIPS.ID)).from(TIPS))).execute();
        dsl.update(REFERRALS).set(REFERRALS.STATUS, REFERRALS.STATUS).where(REFERRALS.ID.eq(dsl.select(DSL.min(REFERRALS.ID)).from(REFERRALS))).execute();
        dsl.update(REFERRAL_STATUS_CHANGES).set(REFERRAL_STATUS_CHANGES.TO_STATUS, REFERRAL_STATUS_CHANGES.TO_STATUS)
                .where(REFERRAL_STATUS_CHANGES.ID.eq(1L)).execute();
        dsl.update(DAILY_CALL_AGGREGATES).set(DAILY_CALL_AGGREGATES.OFFERED, DAILY_CALL_AGGREGATES.OFFERED)
                .where(DAILY_CALL_AGGREGATES.REPORT_DAY.eq(firstDay)).execute();
        dsl.update(DAILY_OPERATOR_AGGREGATES).set(DAILY_OPERATOR_AGGREGATES.TALKED, DAILY_OPERATOR_AGGREGATES.TALKED)
                .where(DAILY_OPERATOR_AGGREGATES.REPORT_DAY.eq(firstDay)).execute();
    }

    private static String ms(double millis) {
        return String.format(java.util.Locale.ROOT, "%,.0f ms", millis);
    }

}
