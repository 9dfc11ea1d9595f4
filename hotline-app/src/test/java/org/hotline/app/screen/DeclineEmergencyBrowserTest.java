package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.Operator;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16 in real Chromium: declining an emergency offer asks for a reason first (the offer stands until one is
 * given), and once given, the call moves on at once to the next operator.
 */
class DeclineEmergencyBrowserTest {
    @TempDir
    Path dataDir;

    @Test
    void anEmergencyOfferIsDeclinedOnlyAfterAReasonIsChosenAndThenGoesToTheNextOperator() {
        try (Hotline hotline = TestHotline.start(dataDir, Map.of("ivr.hold.poll", "50ms",
                "dispatch.offer-timeout", "60s"))) {
            String base = TestHotline.screenUrl(hotline);
            People.operator(hotline, "first", "First", Language.DARI, "PJSIP/1001");
            Operator second = People.operator(hotline, "second", "Second", Language.DARI, "PJSIP/1011");
            try (Browser declining = new Browser(base); Browser taking = new Browser(base)) {
                declining.signIn("first", People.PASSWORD, "/operator");
                declining.click(By.id("go-available"));
                declining.waitForText(By.id("state"), "Available");
                taking.signIn("second", People.PASSWORD, "/operator");
                taking.click(By.id("go-available"));
                taking.waitForText(By.id("state"), "Available");

                CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall
                        .builder("127.0.0.1", hotline.agiPort()).callerId("+93700000201").pressDuringMenus('1', '1')
                        .build().run(Duration.ofSeconds(90)));
                declining.waitFor(By.id("offer"));

                declining.click(By.id("decline"));
                declining.waitFor(By.id("decline-reason"));
                assertThat(declining.driver.findElement(By.id("offer")).isDisplayed())
                        .as("no reason yet: the offer stands").isTrue();
                declining.click(By.id("decline-confirm"));
                assertThat(declining.driver.findElement(By.id("offer")).isDisplayed())
                        .as("a reason must be chosen").isTrue();

                new Select(declining.driver.findElement(By.id("decline-reason-code"))).selectByValue("unwell");
                declining.click(By.id("decline-confirm"));

                taking.waitFor(By.id("offer"));
                declining.waitUntilHidden(By.id("offer"));
                declining.waitForText(By.id("state-detail"), "declined the emergency");
                taking.click(By.id("accept"));
                assertThat(call.join().variable("HOTLINE_TARGET")).contains(second.endpoint());
            }
        }
    }
}
