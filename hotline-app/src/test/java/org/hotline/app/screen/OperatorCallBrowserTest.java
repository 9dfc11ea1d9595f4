package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.core.db.Tables.TIP_DRAFTS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.hotline.simulator.CallRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator's call as a person lives it, in a real Chromium against the real hotline and the fake Asterisk:
 * notes written from the accept on, kept through a reload and shown in a second tab, one tip per call; and typing
 * that goes on through the planned end of wrap-up and through an offer arriving, without either taking a key.
 */
class OperatorCallBrowserTest {
    private static final Duration PLANNED_WRAP_UP = Duration.ofSeconds(2);

    @TempDir
    Path dataDir;
    Hotline hotline;
    String base;

    @BeforeEach
    void start() {
        hotline = TestHotline.start(dataDir, Map.of("ivr.hold.poll", "100ms", "dispatch.offer-timeout", "90s",
                "dispatch.wrap-up", PLANNED_WRAP_UP.toSeconds() + "s"));
        base = TestHotline.screenUrl(hotline);
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    @Test
    void notesTakenFromTheAcceptSurviveAReloadShowInASecondTabAndMakeOneTip() throws Exception {
        People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        try (Browser operator = new Browser(base)) {
            onDuty(operator);
            CompletableFuture<CallRecord> call = PhoneCalls.dariReport(hotline, "+93700000201");
            operator.waitFor(By.id("offer"));
            operator.click(By.id("accept"));

            // The form is there while the call is being put through and during it; the summary comes first.
            operator.waitFor(By.id("tip-summary"));
            CallRecord record = call.get(PhoneCalls.CALL_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            String callId = PhoneCalls.callId(hotline, record);
            operator.waitForText(By.id("state"), "On a call");
            assertThat(operator.driver.findElement(By.id("tip-save")).isEnabled()).as("saved after the call").isFalse();
            operator.driver.findElement(By.id("tip-summary")).sendKeys("Caller works at a kiln near Herat");
            select(operator, "tip-contactType", "substantive");
            operator.waitForText(By.id("tip-draft-status"), "Notes saved", Duration.ofSeconds(30));
            screenshot(operator);

            operator.driver.navigate().refresh();
            operator.waitFor(By.cssSelector("body[data-ready='true']"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "Caller works at a kiln near Herat".equals(
                    operator.driver.findElement(By.id("tip-summary")).getDomProperty("value")));
            assertThat(new Select(operator.driver.findElement(By.id("tip-contactType"))).getFirstSelectedOption()
                    .getDomAttribute("value")).isEqualTo("substantive");

            String firstTab = operator.driver.getWindowHandle();
            operator.driver.switchTo().newWindow(WindowType.TAB);
            operator.open("/operator");
            operator.waitFor(By.cssSelector("body[data-ready='true']"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "Caller works at a kiln near Herat".equals(
                    operator.driver.findElement(By.id("tip-summary")).getDomProperty("value")));
            String secondTab = operator.driver.getWindowHandle();

            operator.driver.switchTo().window(firstTab);
            PhoneCalls.hangUp(hotline, record);
            operator.waitForText(By.id("state"), "Wrap-up");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    operator.driver.findElement(By.id("tip-save")).isEnabled());
            // Every missing field is named at once, each next to its field.
            operator.click(By.id("tip-save"));
            operator.waitForText(By.id("tip-error"), "3 fields need attention");
            assertThat(operator.driver.findElements(By.cssSelector(".field-error")))
                    .extracting(e -> e.getDomAttribute("data-error-for"))
                    .containsExactlyInAnyOrder("signal", "urgency", "consent");
            select(operator, "tip-signal", "tip");
            select(operator, "tip-urgency", "urgent");
            select(operator, "tip-consent", "share");
            operator.click(By.id("tip-save"));
            operator.waitForText(By.id("notice"), "Tip saved.");
            operator.waitForText(By.id("state"), "Available");

            operator.driver.switchTo().window(secondTab);
            operator.waitUntilHidden(By.id("tip"));
            var dsl = hotline.database().dsl();
            assertThat(dsl.fetchCount(TIPS, TIPS.CALL_ID.eq(callId))).isOne();
            assertThat(dsl.fetchValue(TIPS.SUMMARY, TIPS.CALL_ID.eq(callId)))
                    .isEqualTo("Caller works at a kiln near Herat");
            assertThat(dsl.fetchCount(TIP_DRAFTS)).isZero();
        }
    }

    @Test
    void typingGoesOnThroughTheEndOfWrapUpAndThroughAnArrivingOfferWithoutAcceptingIt() throws Exception {
        People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        try (Browser operator = new Browser(base)) {
            onDuty(operator);
            CompletableFuture<CallRecord> first = PhoneCalls.dariReport(hotline, "+93700000202");
            operator.waitFor(By.id("offer"));
            operator.click(By.id("accept"));
            CallRecord record = first.get(PhoneCalls.CALL_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            operator.waitForText(By.id("state"), "On a call");
            PhoneCalls.hangUp(hotline, record);
            operator.waitForText(By.id("state"), "Wrap-up");

            WebElement summary = operator.driver.findElement(By.id("tip-summary"));
            summary.click();
            StringBuilder typed = new StringBuilder();
            // Well past the planned end of wrap-up, typing words with spaces all the while.
            Instant until = Instant.now().plus(PLANNED_WRAP_UP.multipliedBy(3));
            while (Instant.now().isBefore(until)) {
                type(operator, typed, "the caller says the owner keeps their passports ");
            }
            assertThat(operator.text(By.id("state"))).isEqualTo("Wrap-up");
            assertThat(operator.driver.findElement(By.id("offer")).isDisplayed()).isFalse();
            assertThat(operator.driver.findElement(By.id("wrapup-status")).getText()).contains("never ends on its own");

            // Ready for the next call, but still finishing the notes: the offer arrives while they type.
            operator.click(By.id("go-available"));
            summary.click();
            new Actions(operator.driver).keyDown(Keys.CONTROL).sendKeys(Keys.END).keyUp(Keys.CONTROL).perform();
            type(operator, typed, "then ");
            // A caller rings while the operator is in mid-sentence.
            CompletableFuture<CallRecord> second = PhoneCalls.dariReport(hotline, "+93700000203");
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                type(operator, typed, "and they work at night ");
                return operator.driver.findElement(By.id("offer")).isDisplayed();
            });
            for (int i = 0; i < 20; i++) {
                type(operator, typed, "more words with spaces ");
            }

            assertThat(operator.text(By.id("state"))).isEqualTo("Call offered");
            assertThat(summary.getDomProperty("value")).isEqualTo(typed.toString());
            assertThat(operator.driver.executeScript("return document.activeElement.id")).isEqualTo("tip-summary");
            assertThat(second).isNotDone();
            operator.click(By.id("decline"));
            operator.waitForText(By.id("state"), "Available");
            assertThat(summary.getDomProperty("value")).isEqualTo(typed.toString());
        }
    }

    /**
     * Types as a person does: into whatever has the focus now (WebElement.sendKeys would first focus the field,
     * hiding a screen that moved the focus away).
     */
    private static void type(Browser browser, StringBuilder typed, String text) {
        new Actions(browser.driver).sendKeys(text).perform();
        typed.append(text);
    }

    private static void onDuty(Browser operator) {
        operator.signIn("amina", People.PASSWORD, "/operator");
        operator.waitForText(By.id("state"), "Away");
        operator.click(By.id("go-available"));
        operator.waitForText(By.id("state"), "Available");
    }

    private static void select(Browser browser, String id, String value) {
        new Select(browser.waitFor(By.id(id))).selectByValue(value);
    }

    /**
     * The README's picture of the operator's screen during a call, when the docs are at hand: made when missing,
     * and again with {@code -Dhotline.screenshots=true} (so an ordinary test run leaves the work tree clean).
     */
    private static void screenshot(Browser operator) throws java.io.IOException {
        Path docs = Path.of("..", "docs");
        boolean wanted = Boolean.getBoolean("hotline.screenshots")
                || !Files.exists(docs.resolve("img").resolve("operator-call.png"));
        if (Files.isDirectory(docs) && wanted) {
            Files.createDirectories(docs.resolve("img"));
            // The whole screen from the top, call card first; headless Chrome shows no more than its window.
            var window = operator.driver.manage().window();
            var size = window.getSize();
            window.setSize(new org.openqa.selenium.Dimension(1280, 2400));
            operator.driver.executeScript("window.scrollTo(0, 0)");
            Files.write(docs.resolve("img").resolve("operator-call.png"),
                    operator.driver.getScreenshotAs(OutputType.BYTES));
            window.setSize(size);
        }
    }
}
