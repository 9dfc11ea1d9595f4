package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.hotline.core.config.Settings;
import org.hotline.dispatch.operators.Operator;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Routing as it depends on the browser: an operator whose browser closes while a call is offered to them loses
 * the offer at once (the bridge's socket closes), and the call is offered to the next operator within seconds,
 * long before the offer would have timed out.
 */
class ClosedBrowserBrowserTest {
    @TempDir
    Path dataDir;

    @Test
    void aBrowserClosedDuringAnOfferHandsTheCallToTheNextOperator() {
        Settings settings = Settings.defaultSettings().with(Map.of("data.dir", dataDir.toString(), "agi.port", "0",
                "http.port", "0", "management.port", "0", "ivr.menu.timeout", "200ms", "ivr.hold.poll", "50ms",
                "dispatch.offer-timeout", "60s", "ivr.voicemail.dir", dataDir.resolve("voicemail").toString()));
        try (Hotline hotline = Hotline.start(settings)) {
            String base = "http://127.0.0.1:" + hotline.httpPort();
            People.operator(hotline, "first", "First", Language.URDU, "PJSIP/1006");
            Operator second = People.operator(hotline, "second", "Second", Language.URDU, "PJSIP/1016");
            try (Browser closing = new Browser(base); Browser staying = new Browser(base)) {
                // The first to be available is offered first.
                closing.signIn("first", People.PASSWORD, "/operator");
                closing.click(By.id("go-available"));
                closing.waitForText(By.id("state"), "Available");
                staying.signIn("second", People.PASSWORD, "/operator");
                staying.click(By.id("go-available"));
                staying.waitForText(By.id("state"), "Available");

                CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall
                        .builder("127.0.0.1", hotline.agiPort()).callerId("+923001234567").pressDuringMenus('6', '3')
                        .build().run(Duration.ofSeconds(60)));
                closing.waitFor(By.id("offer"));
                assertThat(closing.text(By.id("offer-language"))).contains("اردو");

                long closedAt = System.nanoTime();
                closing.close();

                staying.waitFor(By.id("offer"));
                assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isLessThan(Duration.ofSeconds(5));
                staying.click(By.id("accept"));
                assertThat(call.join().variable("HOTLINE_TARGET")).contains(second.endpoint());
                staying.waitForText(By.id("state"), "On a call");
            }
        }
    }
}
