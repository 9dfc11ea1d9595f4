package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.HOLIDAYS;
import static org.hotline.core.db.Tables.OPENING_WEEK_INTERVALS;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The manager's opening-hours page in a real Chromium against the real hotline: hours typed with the keyboard, an
 * overlap refused beside its field with nothing saved, then saved; a holiday added. Every change audited.
 */
class OpeningHoursBrowserTest {
    @TempDir
    Path dataDir;
    Hotline hotline;
    String base;

    @BeforeEach
    void start() {
        hotline = TestHotline.start(dataDir, Map.of());
        base = TestHotline.screenUrl(hotline);
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    @Test
    void aManagerTypesHoursIsToldOfAnOverlapThenSavesThemAndAddsAHoliday() {
        People.manager(hotline, "mona");
        var dsl = hotline.database().dsl();
        try (Browser manager = new Browser(base)) {
            manager.signIn("mona", People.PASSWORD, "/manager");
            manager.click(By.cssSelector("#nav a[href='/hours']"));
            manager.waitForText(By.id("hours-mode"), "open around the clock");

            // Saturday: Enter on "Add an interval" puts the cursor in the new interval's first box.
            manager.waitFor(By.cssSelector("#day-sat .hours-add")).sendKeys(Keys.ENTER);
            type(manager, "08:00" + Keys.TAB + "12:00");
            manager.driver.findElement(By.cssSelector("#day-sat .hours-add")).sendKeys(Keys.ENTER);
            type(manager, "11:00" + Keys.TAB + "14:00" + Keys.ENTER);

            manager.waitForText(By.id("week-error"), "Not saved");
            By secondFrom = By.cssSelector("[data-field='week.sat[1].from']");
            assertThat(manager.driver.findElement(secondFrom).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(manager.text(By.cssSelector("[data-error-for='week.sat[1].from']")))
                    .contains("11:00-14:00 overlaps 08:00-12:00");
            assertThat(dsl.fetchCount(OPENING_WEEK_INTERVALS)).as("nothing saved").isZero();

            WebElement from = manager.driver.findElement(secondFrom);
            from.sendKeys(Keys.chord(Keys.CONTROL, "a"), "13:00", Keys.ENTER);
            manager.waitForText(By.id("week-status"), "Opening hours saved.");
            manager.waitForText(By.id("hours-mode"), "Opening hours are in force.");
            assertThat(dsl.fetchCount(OPENING_WEEK_INTERVALS)).isEqualTo(2);

            LocalDate holiday = LocalDate.now(ZoneId.of("Asia/Kabul")).plusDays(10);
            manager.driver.findElement(By.id("holiday-date")).sendKeys(holiday + Keys.ENTER.toString());
            manager.waitForText(By.cssSelector("#holiday-list tr[data-date='" + holiday + "'] .holiday-hours"),
                    "Closed all day");
            assertThat(dsl.fetchCount(HOLIDAYS)).isOne();

            manager.driver.findElement(By.id("holiday-date")).sendKeys("2020-01-01" + Keys.ENTER);
            manager.waitForText(By.id("holiday-error"), "in the past");
            assertThat(manager.driver.findElement(By.id("holiday-date")).getDomAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(dsl.fetchCount(HOLIDAYS)).isOne();
        }
        assertThat(dsl.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("opening-hours-set"))).isOne();
        assertThat(dsl.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("holiday-set"))).isOne();
    }

    /** Types into whatever has the keyboard focus, as a person would. */
    private static void type(Browser browser, CharSequence keys) {
        browser.driver.switchTo().activeElement().sendKeys(keys);
    }
}
