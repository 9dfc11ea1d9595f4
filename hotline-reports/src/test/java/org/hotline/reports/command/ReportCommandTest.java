package org.hotline.reports.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.reports.store.ReportRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hotline report}: by hand, stored for the web page, or written elsewhere with --out. */
class ReportCommandTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path out;

    @Test
    void storesADayAndARangeWhereThePageListsThem() {
        assertThat(run("--date", "2026-03-10")).isZero();
        assertThat(run("--date", "2026-03-01", "--to", "2026-03-10")).isZero();
        assertThat(run("--date", "2026-03-10")).as("asked again: generated again").isZero();
        assertThat(dataDir.resolve("reports/2026-03-10/report.html")).isRegularFile();
        assertThat(dataDir.resolve("reports/2026-03-01_2026-03-10/by-day.csv")).isRegularFile();
        try (Database database = Database.open(StorageConfig.from(Settings.defaultSettings()
                .with(Map.of("data.dir", dataDir.toString()))))) {
            assertThat(new ReportRuns(database.dsl(), java.time.Clock.systemUTC()).list())
                    .extracting(r -> r.periodId()).containsExactly("2026-03-10", "2026-03-01_2026-03-10");
        }
    }

    @Test
    void writesElsewhereWithOut() {
        assertThat(run("--date", "2026-03-10", "--out", out.toString())).isZero();
        assertThat(out.resolve("2026-03-10/report.html")).isRegularFile();
        assertThat(out.resolve("2026-03-10/calls.csv")).isRegularFile();
        assertThat(dataDir.resolve("reports/2026-03-10")).doesNotExist();
    }

    @Test
    void inAChosenLanguageAndCalendar() throws java.io.IOException {
        assertThat(run("--date", "2024-03-20", "--language", "prs", "--also", "ps,en", "--out", out.toString()))
                .isZero();
        String dari = java.nio.file.Files.readString(out.resolve("2024-03-20/report.html"));
        assertThat(dari).contains("<html lang=\"prs\" dir=\"rtl\">").contains("۱ حمل ۱۴۰۳ (۲۰ مارچ ۲۰۲۴)");
        assertThat(java.nio.file.Files.readString(out.resolve("2024-03-20/report.ps.html")))
                .contains("<html lang=\"ps\" dir=\"rtl\">").contains("۱ وری ۱۴۰۳");
        assertThat(java.nio.file.Files.readString(out.resolve("2024-03-20/report.en.html")))
                .contains("<title>Hotline report 2024-03-20</title>");
        assertThat(run("--date", "2024-03-20", "--language", "en", "--calendar", "solar-hijri", "--out",
                out.toString())).isZero();
        assertThat(java.nio.file.Files.readString(out.resolve("2024-03-20/report.html")))
                .contains("<title>Hotline report 1 Hamal 1403 (March 20, 2024)</title>");
    }

    @Test
    void anUnknownLanguageIsOneSentence() {
        StringWriter err = new StringWriter();
        CommandLine line = command();
        line.setErr(new PrintWriter(err));
        assertThat(line.execute("--date", "2026-03-10", "--language", "xx")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown language 'xx' (one of en, prs, ps, ur, tg, uz, tk, ru)");
    }

    @Test
    void aBadDateIsOneSentence() {
        StringWriter err = new StringWriter();
        CommandLine line = command();
        line.setErr(new PrintWriter(err));
        assertThat(line.execute("--date", "2026-02-30")).isEqualTo(2);
        assertThat(err.toString()).contains("--date must be a date such as 2026-03-10, not '2026-02-30'");
        assertThat(command().execute("--date", "2026-03-10", "--to", "2026-03-01")).isEqualTo(2);
    }

    private int run(String... args) {
        return command().execute(args);
    }

    private CommandLine command() {
        ReportCommand command = new ReportCommand();
        command.environment = Map.of("HOTLINE_DATA_DIR", dataDir.toString());
        return new CommandLine(command).setOut(new PrintWriter(new StringWriter()));
    }
}
