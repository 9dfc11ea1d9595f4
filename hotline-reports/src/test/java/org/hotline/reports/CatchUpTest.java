package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.REPORT_RUNS;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.testing.TestDatabases;
import org.hotline.reports.figures.Period;
import org.hotline.reports.schedule.NightlyJob;
import org.hotline.reports.schedule.NightlyScheduler;
import org.hotline.reports.store.ReportRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missed days are generated at start, and a day already generated is never generated again unless asked. */
abstract class CatchUpTest {
    @TempDir
    Path dataDir;
    Settings settings;
    Database database;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void seed() {
        settings = TestDatabase.settings(engine(), dataDir, Map.of());
        database = TestDatabase.open(settings);
        new KnownDay().seed(new Seed(database.dsl()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theModuleCatchesUpMissedDaysAtStartFromTheFirstCall() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // The hotline starts on 13 March at 08:00 local; its last report is... none. The first call is on 9 March.
            ReportsModule module = ReportsModule.start(settings, vertx, database, new SimpleMeterRegistry(),
                    TestDatabase.at("2026-03-13T08:00:00")).toCompletionStage().toCompletableFuture().get();
            await().atMost(Duration.ofSeconds(30)).until(() -> module.generator().runs().list().size() == 4);
            assertThat(module.generator().runs().list()).extracting(ReportRun::periodId, ReportRun::requestedBy)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-03-12", "catch-up"),
                            org.assertj.core.groups.Tuple.tuple("2026-03-11", "catch-up"),
                            org.assertj.core.groups.Tuple.tuple("2026-03-10", "catch-up"),
                            org.assertj.core.groups.Tuple.tuple("2026-03-09", "catch-up"));
            for (String day : List.of("2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12")) {
                assertThat(dataDir.resolve("reports").resolve(day).resolve("report.html")).isRegularFile();
            }
            module.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    @Test
    void runningTheSameNightTwiceGeneratesNothingTwice() throws Exception {
        NightlyJob job = job("2026-03-13T00:30:00", 30);
        assertThat(job.run(LocalDate.parse("2026-03-13"), "nightly")).containsExactly(LocalDate.parse("2026-03-09"),
                LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-12"));
        var claimed = database.dsl().select(REPORT_RUNS.CLAIMED_AT).from(REPORT_RUNS).orderBy(REPORT_RUNS.PERIOD_FROM)
                .fetch(REPORT_RUNS.CLAIMED_AT);
        Path html = dataDir.resolve("reports/2026-03-12/report.html");
        var written = Files.getLastModifiedTime(html);

        assertThat(job.run(LocalDate.parse("2026-03-13"), "nightly")).isEmpty();
        assertThat(job("2026-03-13T09:00:00", 30).run(LocalDate.parse("2026-03-13"), "catch-up")).isEmpty();
        assertThat(database.dsl().fetchCount(REPORT_RUNS)).isEqualTo(4);
        assertThat(database.dsl().select(REPORT_RUNS.CLAIMED_AT).from(REPORT_RUNS).orderBy(REPORT_RUNS.PERIOD_FROM)
                .fetch(REPORT_RUNS.CLAIMED_AT)).isEqualTo(claimed);
        assertThat(Files.getLastModifiedTime(html)).isEqualTo(written);
        assertThat(database.dsl().selectFrom(REPORT_RUNS).where(REPORT_RUNS.PERIOD_FROM.eq(LocalDate.parse("2026-03-12")))
                .fetchOne(REPORT_RUNS.REQUESTED_BY)).isEqualTo("nightly");
    }

    @Test
    void catchUpIsBoundedAndFillsGapsOnly() {
        // Two days back at most: 11 and 12 March, not the earlier days with calls.
        assertThat(job("2026-03-13T00:30:00", 2).run(LocalDate.parse("2026-03-13"), "nightly"))
                .containsExactly(LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-12"));
        // A week later, with 30 days allowed: the gap (9, 10 March and 13 to 19 March) is filled.
        assertThat(job("2026-03-20T00:30:00", 30).run(LocalDate.parse("2026-03-20"), "nightly")).hasSize(9)
                .doesNotContain(LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-12"));
    }

    @Test
    void askingAgainRegeneratesAndTwoRunsAtOnceMakeOneReport() throws Exception {
        ReportGenerator first = generator("2026-03-11T00:30:00");
        ReportGenerator second = generator("2026-03-11T00:30:00");
        Period day = Period.day(KnownDay.DAY, Seed.KABUL);
        CountDownLatch go = new CountDownLatch(1);
        var a = CompletableFuture.supplyAsync(() -> awaitThen(go, () -> first.generate(day, "nightly", false)));
        var b = CompletableFuture.supplyAsync(() -> awaitThen(go, () -> second.generate(day, "nightly", false)));
        go.countDown();
        long made = java.util.stream.Stream.of(a.get(), b.get()).filter(java.util.Optional::isPresent).count();
        assertThat(made).isEqualTo(1);
        assertThat(first.generate(day, "nightly", false)).isEmpty();
        assertThat(first.generate(day, "command", true)).isPresent();
        assertThat(database.dsl().fetchCount(REPORT_RUNS)).isEqualTo(1);
    }

    @Test
    void racingClaimsOnANewPeriodHaveExactlyOneWinner() throws Exception {
        // H2 turns "on conflict do nothing" into a MERGE that can lose the race with a key violation; repeat the
        // race often enough that the losing path is taken, and check it is counted as a lost claim, not an error.
        var runs = new org.hotline.reports.store.ReportRuns(database.dsl(), TestDatabase.at("2026-03-11T00:30:00"));
        for (int i = 0; i < 200; i++) {
            LocalDate day = LocalDate.parse("2025-01-01").plusDays(i);
            CountDownLatch go = new CountDownLatch(1);
            var a = CompletableFuture.supplyAsync(() -> awaitThen(go, () -> runs.claim(day, day, "nightly", false)));
            var b = CompletableFuture.supplyAsync(() -> awaitThen(go, () -> runs.claim(day, day, "command", false)));
            go.countDown();
            assertThat(java.util.stream.Stream.of(a.get(), b.get()).filter(won -> won).count()).isEqualTo(1);
        }
    }

    @Test
    void theNightlyRunIsDueAtTheLocalTime() {
        var kabul = Seed.KABUL;
        ZonedDateTime before = ZonedDateTime.of(2026, 3, 10, 0, 29, 0, 0, kabul);
        ZonedDateTime at = ZonedDateTime.of(2026, 3, 10, 0, 30, 0, 0, kabul);
        assertThat(NightlyScheduler.nextRun(before, LocalTime.of(0, 30))).isEqualTo(at);
        assertThat(NightlyScheduler.nextRun(at, LocalTime.of(0, 30))).isEqualTo(at.plusDays(1));
        // 00:30 in Kabul is 20:00 UTC the evening before.
        assertThat(at.toInstant().toString()).isEqualTo("2026-03-09T20:00:00Z");
    }

    private NightlyJob job(String localNow, int catchUpDays) {
        return new NightlyJob(database.dsl(), generator(localNow), null, Seed.KABUL, catchUpDays);
    }

    private ReportGenerator generator(String localNow) {
        return new ReportGenerator(database.dsl(), ReportConfig.from(settings), TestDatabase.at(localNow),
                new SimpleMeterRegistry());
    }

    private static <T> T awaitThen(CountDownLatch latch, java.util.function.Supplier<T> work) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return work.get();
    }
}

class CatchUpOnH2Test extends CatchUpTest {
    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }
}

class CatchUpOnPostgresTest extends CatchUpTest {
    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
