package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.config.Settings;
import org.hotline.reports.ReportConfig;
import org.hotline.reports.ReportGenerator;
import org.hotline.reports.figures.Period;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * A manager opens today's report in Dari in a real Chromium: the page is laid out right to left by the browser
 * itself (the first column on the right), its words are Dari, its dates solar Hijri, and "<5" stays "<5".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DariReportBrowserTest {
    private static final ZoneId KABUL = ZoneId.of("Asia/Kabul");

    Path dataDir;
    Hotline hotline;
    String base;

    @BeforeAll
    void start(@TempDir Path dir) {
        dataDir = dir;
        hotline = TestHotline.start(dataDir, Map.of());
        base = TestHotline.screenUrl(hotline);
        People.manager(hotline, "maria");
    }

    @AfterAll
    void stop() {
        hotline.close();
    }

    @Test
    void aManagerReadsTheReportInDariRightToLeft() throws Exception {
        LocalDate today = LocalDate.now(KABUL);
        Settings settings = Settings.defaultSettings().with(Map.of("data.dir", dataDir.toString(),
                "report.also-languages", "prs,ps"));
        new ReportGenerator(hotline.database().dsl(), ReportConfig.from(settings), Clock.systemUTC(),
                new SimpleMeterRegistry()).generate(Period.day(today, KABUL), "test", true).orElseThrow();
        try (Browser manager = new Browser(base)) {
            manager.signIn("maria", People.PASSWORD, "/manager");
            manager.open("/reports/" + today + "?lang=prs");
            WebElement h1 = manager.waitFor(By.tagName("h1"));
            assertThat(manager.driver.executeScript("return document.documentElement.dir")).isEqualTo("rtl");
            assertThat(manager.driver.executeScript("return document.documentElement.lang")).isEqualTo("prs");
            assertThat(h1.getText()).startsWith("گزارش خط تماس").containsPattern("(حمل|ثور|جوزا|سرطان|اسد|سنبله"
                    + "|میزان|عقرب|قوس|جدی|دلو|حوت) ۱۴");
            // Laid out right to left by the browser: the label column is to the right of the figures.
            List<WebElement> headers = manager.driver.findElements(By.cssSelector("#table-calls thead th"));
            assertThat(headers).extracting(WebElement::getText).containsExactly("رقم", "تماس‌ها");
            assertThat(headers.get(0).getRect().getX()).isGreaterThan(headers.get(1).getRect().getX());
            assertThat(headers.get(0).getCssValue("direction")).isEqualTo("rtl");
            // A figure keeps its own order: "<5", not "5>".
            WebElement figure = manager.driver.findElement(By.cssSelector("#table-calls td.num bdi"));
            assertThat(figure.getCssValue("direction")).isEqualTo("ltr");
            assertThat(figure.getText()).isEqualTo("<5");
            screenshot(manager);

            manager.open("/reports/" + today + "?lang=ps");
            assertThat(manager.waitFor(By.tagName("h1")).getText()).startsWith("د مرستې لیکې راپور");
        }
    }

    /** The README's picture of a Dari report, only when asked: {@code -Dhotline.screenshots=true}. */
    private static void screenshot(Browser manager) throws java.io.IOException {
        Path docs = Path.of("..", "docs");
        if (Files.isDirectory(docs) && Boolean.getBoolean("hotline.screenshots")) {
            Files.createDirectories(docs.resolve("img"));
            var window = manager.driver.manage().window();
            window.setSize(new org.openqa.selenium.Dimension(1100, 1500));
            manager.driver.executeScript("window.scrollTo(0, 0)");
            Files.write(docs.resolve("img").resolve("report-dari.png"), manager.driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
