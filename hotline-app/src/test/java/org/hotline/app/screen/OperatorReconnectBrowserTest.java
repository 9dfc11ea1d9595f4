package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorState;
import org.hotline.dispatch.operators.RecordedState;
import org.hotline.simulator.CallRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * A network blip during an offer and during a call, and an operator who only uses the keyboard, in a real
 * Chromium against the real hotline and the fake Asterisk.
 */
class OperatorReconnectBrowserTest {
    @TempDir
    Path dataDir;
    Hotline hotline;
    String base;

    @BeforeEach
    void start() {
        hotline = TestHotline.start(dataDir, Map.of("ivr.hold.poll", "100ms", "dispatch.offer-timeout", "90s"));
        base = TestHotline.screenUrl(hotline);
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    @Test
    void aDroppedConnectionDuringAnOfferAndDuringACallIsToldAndTheStateComesBack() throws Exception {
        Operator amina = People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        try (Browser operator = new Browser(base)) {
            SocketSwitch.install(operator);
            operator.signIn("amina", People.PASSWORD, "/operator");
            operator.waitForText(By.id("state"), "Away");
            operator.click(By.id("go-available"));
            operator.waitForText(By.id("state"), "Available");
            CompletableFuture<CallRecord> call = PhoneCalls.dariReport(hotline, "+93700000301");
            operator.waitFor(By.id("offer"));

            SocketSwitch.cut(operator);
            // Dispatch sees the screen gone: the offer is taken back and the operator set away.
            await().atMost(Duration.ofSeconds(30)).until(() -> lastState(amina).state() == OperatorState.AWAY);
            SocketSwitch.restore(operator);

            operator.waitForText(By.id("notice"), "Connection lost for", Duration.ofSeconds(60));
            assertThat(operator.text(By.id("notice"))).contains("you are Available again")
                    .contains("The call offered to you was taken back");
            // Available again, the waiting call comes straight back to them.
            operator.waitFor(By.id("offer"));
            operator.click(By.id("accept"));
            CallRecord record = call.get(PhoneCalls.CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(record.variables()).containsEntry("HOTLINE_TARGET", amina.endpoint());
            operator.waitForText(By.id("state"), "On a call");
            operator.driver.findElement(By.id("tip-summary")).sendKeys("Notes before the blip");

            SocketSwitch.cut(operator);
            operator.waitForText(By.id("connection"), "Reconnecting");
            SocketSwitch.restore(operator);

            await().atMost(Duration.ofSeconds(60)).until(() -> operator.text(By.id("notice"))
                    .contains("Your call is still in progress"));
            assertThat(operator.text(By.id("state"))).isEqualTo("On a call");
            assertThat(operator.driver.findElement(By.id("call")).isDisplayed()).isTrue();
            assertThat(operator.driver.findElement(By.id("tip-summary")).getDomProperty("value"))
                    .isEqualTo("Notes before the blip");
        }
    }

    @Test
    void anOperatorUsingOnlyTheKeyboardHearsTheOfferAndAcceptsItWithCtrlEnter() throws Exception {
        Operator amina = People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        try (Browser operator = new Browser(base)) {
            operator.open("/");
            operator.waitFor(By.id("username")).sendKeys("amina");
            operator.driver.findElement(By.id("password")).sendKeys(People.PASSWORD, Keys.ENTER);
            operator.waitFor(By.cssSelector("body[data-ready='true']"));
            operator.waitForText(By.id("state"), "Away");
            Actions keys = new Actions(operator.driver);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                keys.sendKeys(Keys.TAB).perform();
                return "go-available".equals(operator.driver.executeScript("return document.activeElement.id"));
            });
            keys.sendKeys(Keys.SPACE).perform();
            operator.waitForText(By.id("state"), "Available");

            CompletableFuture<CallRecord> call = PhoneCalls.dariReport(hotline, "+93700000302");
            operator.waitFor(By.id("offer"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "running".equals(
                    operator.driver.findElement(By.tagName("body")).getDomAttribute("data-audio")));
            await().atMost(Duration.ofSeconds(30)).until(() -> operator.driver.findElement(By.tagName("body"))
                    .getDomAttribute("data-beeps") != null);
            keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();

            assertThat(call.get(PhoneCalls.CALL_LIMIT.toSeconds(), TimeUnit.SECONDS).variables())
                    .containsEntry("HOTLINE_TARGET", amina.endpoint());
            operator.waitForText(By.id("state"), "On a call");
        }
    }

    private RecordedState lastState(Operator operator) {
        return new JooqOperatorDirectory(hotline.database().dsl()).lastState(operator.id()).orElseThrow();
    }
}
