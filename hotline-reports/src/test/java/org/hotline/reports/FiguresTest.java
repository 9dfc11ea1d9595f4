package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.hotline.core.storage.Database;
import org.hotline.core.testing.TestDatabases;
import org.hotline.reports.figures.CallCounts;
import org.hotline.reports.figures.FigureQueries;
import org.hotline.reports.figures.Figures;
import org.hotline.reports.figures.Keyed;
import org.hotline.reports.figures.OperatorRow;
import org.hotline.reports.figures.Period;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every figure of the known day, exactly, through the real migrations: on an H2 file database and on a real
 * PostgreSQL, with the same queries.
 */
abstract class FiguresTest {
    @TempDir
    Path dataDir;
    Database database;
    final KnownDay day = new KnownDay();
    Figures figures;

    @BeforeEach
    void seed() {
        database = TestDatabases.open(engine(), dataDir);
        day.seed(new Seed(database.dsl()));
        figures = new FigureQueries(database.dsl(), TestDatabase.at("2026-03-11T00:30:00"))
                .compute(Period.day(KnownDay.DAY, Seed.KABUL));
    }

    abstract TestDatabases.Engine engine();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void callsOfTheLocalDayOnlyWithEveryOutcome() {
        CallCounts c = figures.calls();
        assertThat(c.offered()).isEqualTo(16);
        assertThat(c.answered()).isEqualTo(6);
        assertThat(c.abandonedInMenu()).isEqualTo(2);
        assertThat(c.abandonedInQueue()).isEqualTo(3);
        assertThat(c.abandonedShort()).as("only the 4.999 s abandon; 5.000 s is not under 5 s").isEqualTo(1);
        assertThat(c.voicemail()).isEqualTo(1);
        assertThat(c.closed()).isEqualTo(1);
        assertThat(c.fallback()).isEqualTo(1);
        assertThat(c.failed()).isEqualTo(1);
        assertThat(c.inProgress()).isEqualTo(1);
        assertThat(c.askedForOperator()).isEqualTo(13);
    }

    @Test
    void waitsAndServiceLevelOnTheEdges() {
        CallCounts c = figures.calls();
        assertThat(c.answeredWaited()).isEqualTo(6);
        assertThat(c.answeredWithin20s()).as("20.000 s and 5 s; not 20.001 s").isEqualTo(2);
        assertThat(c.answeredWithin60s()).as("everything but 60.5 s").isEqualTo(5);
        assertThat(c.answerWaitMs()).isEqualTo(20_000 + 20_001 + 60_000 + 60_500 + 5_000 + 45_000);
        assertThat(c.longestWaitMs()).isEqualTo(60_500);
        assertThat(c.averageAnswerSeconds().getAsDouble()).isEqualTo(35.0835);
        assertThat(c.answeredRate().getAsDouble()).isCloseTo(100.0 * 6 / 13, within());
        assertThat(c.abandonedRate().getAsDouble()).isCloseTo(100.0 * 2 / 13, within());
        assertThat(c.serviceLevel20OfAnswered().getAsDouble()).isCloseTo(100.0 * 2 / 6, within());
        assertThat(c.serviceLevel60OfAnswered().getAsDouble()).isCloseTo(100.0 * 5 / 6, within());
        assertThat(c.serviceLevel20OfAnsweredAndAbandoned().getAsDouble()).isEqualTo(25.0);
        assertThat(c.serviceLevel60OfAnsweredAndAbandoned().getAsDouble()).isEqualTo(62.5);
        assertThat(c.talked()).isEqualTo(5);
        assertThat(c.talkSeconds()).isEqualTo(800);
        assertThat(c.averageHandleSeconds().getAsDouble()).isEqualTo(160.0);
    }

    @Test
    void byLanguage() {
        assertThat(figures.byLanguage()).extracting(Keyed::key, k -> k.value().offered(), k -> k.value().answered(),
                        k -> k.value().abandonedInQueue(), k -> k.value().abandonedShort())
                .containsExactly(tuple("none", 3L, 0L, 0L, 0L), tuple("prs", 6L, 2L, 2L, 1L),
                        tuple("ps", 2L, 2L, 0L, 0L), tuple("tg", 2L, 1L, 1L, 0L), tuple("tk", 1L, 0L, 0L, 0L),
                        tuple("ur", 1L, 1L, 0L, 0L), tuple("uz", 1L, 0L, 0L, 0L));
        CallCounts ps = figures.byLanguage().get(2).value();
        assertThat(ps.answeredWithin60s()).isEqualTo(1);
        assertThat(ps.longestWaitMs()).isEqualTo(60_500);
    }

    @Test
    void byHourFromLocalMidnight() {
        assertThat(figures.byHour()).extracting(k -> (int) k.key(), k -> k.value().offered(), k -> k.value().answered())
                .containsExactly(tuple(0, 1L, 1L), tuple(2, 1L, 0L), tuple(3, 1L, 0L), tuple(4, 1L, 0L),
                        tuple(9, 3L, 2L), tuple(10, 2L, 2L), tuple(11, 2L, 0L), tuple(12, 1L, 0L),
                        tuple(13, 1L, 0L), tuple(14, 1L, 0L), tuple(23, 2L, 1L));
        assertThat(figures.byDay()).extracting(Keyed::key).containsExactly(KnownDay.DAY);
    }

    @Test
    void operatorsCallsHandleTimeAndTimeAvailable() {
        assertThat(figures.operators()).extracting(OperatorRow::name, OperatorRow::callsHandled,
                        OperatorRow::talked, OperatorRow::talkSeconds, OperatorRow::availableSeconds)
                .containsExactly(tuple("Amina K.", 3L, 3L, 350L, 5_400L), tuple("Bashir R.", 3L, 2L, 450L, 32_400L));
    }

    @Test
    void tipsByTheirCodedFields() {
        var tips = figures.tips();
        assertThat(tips.tips()).isEqualTo(6);
        assertThat(tips.crossBorder()).isEqualTo(2);
        assertThat(pairs(tips.byContactType())).containsExactly("substantive=4", "prank=1", "silent=1");
        assertThat(pairs(tips.bySignal())).containsExactly("tip=2", "null=2", "crisis=1", "help-request=1");
        assertThat(pairs(tips.byTraffickingType())).containsExactly("labour=3", "null=2", "sexual=1");
        assertThat(pairs(tips.byForm())).containsExactly("bonded-labour=2", "null=2",
                "commercial-sexual-exploitation=1", "forced-labour=1");
        assertThat(pairs(tips.byCountry())).containsExactly("AF=3", "null=2", "PK=1");
        assertThat(pairs(tips.byRegion())).containsExactly("AF-KAB=2", "null=2", "AF-HER=1", "unknown=1");
    }

    @Test
    void referralsWithTheirStatusAtTheEndOfTheDay() {
        var r = figures.referrals();
        assertThat(r.referrals()).isEqualTo(2);
        assertThat(r.crossBorder()).isEqualTo(1);
        assertThat(pairs(r.byPartner())).containsExactly("Hagar International - Afghanistan=1", "NGO Enme=1");
        assertThat(pairs(r.byService())).containsExactly("psychosocial=1", "shelter=1");
        assertThat(pairs(r.byStatus())).as("accepted only the next morning").containsExactly("proposed=1", "sent=1");
        assertThat(r.openAfter7Days()).as("still sent, and declined only after the day").isEqualTo(2);
        assertThat(pairs(r.openByPartner())).containsExactly(
                "International Organization for Migration (IOM) Afghanistan=1", "NGO Femida=1");
    }

    @Test
    void foldingAgainGivesTheSameFigures() {
        Figures again = new FigureQueries(database.dsl(), TestDatabase.at("2026-03-11T00:30:00"))
                .compute(Period.day(KnownDay.DAY, Seed.KABUL));
        assertThat(again.calls()).isEqualTo(figures.calls());
        assertThat(again.byHour()).isEqualTo(figures.byHour());
    }

    private static java.util.List<String> pairs(java.util.List<Keyed<String, Long>> counts) {
        return counts.stream().map(k -> k.key() + "=" + k.value()).toList();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}

class FiguresOnH2Test extends FiguresTest {
    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }
}

class FiguresOnPostgresTest extends FiguresTest {
    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
