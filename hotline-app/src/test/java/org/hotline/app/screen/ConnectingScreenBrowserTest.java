package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.Operator;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * What the operator's screen says between Accept and the call: "Connecting you to the caller…" for as long as the
 * IVR has not taken the hand-off, then the call, or why not. The fake Asterisk holds the "connecting" prompt until
 * the screen has shown that it is connecting, so the accept always lands while the IVR cannot hear it.
 */
class ConnectingScreenBrowserTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private static final String CONNECTING = "Connecting you to the caller…";

    @TempDir
    Path dataDir;
    Hotline hotline;
    String base;

    @BeforeEach
    void start() {
        hotline = TestHotline.start(dataDir, Map.of("ivr.hold.poll", "500ms", "dispatch.offer-timeout", "60s"));
        base = TestHotline.screenUrl(hotline);
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    @Test
    void theScreenSaysConnectingThenShowsTheCallAndNeverAvailableInBetween() throws Exception {
        Operator amina = People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        try (Browser operator = new Browser(base)) {
            onDuty(operator);
            CountDownLatch shown = new CountDownLatch(1);
            CompletableFuture<CallRecord> call = placeCall(shown, false);

            takeTheOffer(operator, shown);

            assertThat(call.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS).variables())
                    .containsEntry("HOTLINE_TARGET", amina.endpoint());
            operator.waitForText(By.id("state"), "On a call");
            operator.waitFor(By.id("call"));
            operator.waitUntilHidden(By.id("notice"));
            // From the accept on, the badge went from "Call offered" to "On a call" and nowhere else.
            assertThat(seen(operator, "states")).endsWith("On a call").doesNotContain("Available", "Away");
            assertThat(seen(operator, "notices")).contains(CONNECTING);
        }
    }

    @Test
    void aCallerWhoHangsUpWhileConnectingIsSaidSo() throws Exception {
        People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        try (Browser operator = new Browser(base)) {
            onDuty(operator);
            CountDownLatch shown = new CountDownLatch(1);
            CompletableFuture<CallRecord> call = placeCall(shown, true);

            takeTheOffer(operator, shown);

            assertThat(call.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS).variables())
                    .doesNotContainKey("HOTLINE_TARGET");
            operator.waitForText(By.id("notice"), "The caller hung up before the call was taken.");
            operator.waitForText(By.id("state"), "Available");
        }
    }

    @Test
    void aReloadWhileConnectingStillSaysConnectingAndTheCallFollows() throws Exception {
        Operator amina = People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        try (Browser operator = new Browser(base)) {
            onDuty(operator);
            CountDownLatch shown = new CountDownLatch(1);
            CompletableFuture<CallRecord> call = placeCall(shown, false);
            operator.waitFor(By.id("offer"));
            operator.click(By.id("accept"));
            operator.waitForText(By.id("notice"), CONNECTING);

            // An operator who presses F5 while the phone system puts the caller through.
            operator.driver.navigate().refresh();
            operator.waitForText(By.id("notice"), CONNECTING);
            assertThat(operator.text(By.id("state"))).isEqualTo("Call offered");
            shown.countDown();

            assertThat(call.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS).variables())
                    .containsEntry("HOTLINE_TARGET", amina.endpoint());
            operator.waitForText(By.id("state"), "On a call");
            operator.waitFor(By.id("call"));
        }
    }

    private static void onDuty(Browser operator) {
        operator.signIn("amina", People.PASSWORD, "/operator");
        operator.click(By.id("go-available"));
        operator.waitForText(By.id("state"), "Available");
    }

    /**
     * Accepts the offer, waits until the screen says it is connecting, then lets the fake Asterisk go on; records
     * every state and notice the screen shows from the accept on.
     */
    private static void takeTheOffer(Browser operator, CountDownLatch shown) {
        operator.waitFor(By.id("offer"));
        operator.driver.executeScript("""
                window.seen = { states: [], notices: [] };
                const watch = (id, list) => new MutationObserver(() => list.push(document.getElementById(id)
                    .textContent)).observe(document.getElementById(id), { childList: true, characterData: true,
                    subtree: true });
                watch('state', window.seen.states);
                watch('notice', window.seen.notices);""");
        operator.click(By.id("accept"));
        operator.waitForText(By.id("notice"), CONNECTING);
        assertThat(operator.text(By.id("state"))).isEqualTo("Call offered");
        assertThat(operator.driver.findElement(By.id("go-away")).isEnabled()).isFalse();
        assertThat(operator.driver.findElement(By.id("offer")).isDisplayed()).isFalse();
        shown.countDown();
    }

    @SuppressWarnings("unchecked")
    private static List<String> seen(Browser operator, String what) {
        return (List<String>) operator.driver.executeScript("return window.seen." + what + ";");
    }

    /**
     * A Dari caller whose "connecting" prompt lasts until the screen has shown it is connecting; if
     * {@code hangUp}, the caller hangs up there instead.
     */
    private CompletableFuture<CallRecord> placeCall(CountDownLatch shown, boolean hangUp) {
        AtomicBoolean held = new AtomicBoolean();
        FakeCall fake = FakeCall.builder("127.0.0.1", hotline.agiPort()).callerId("+93700000102")
                .playbackTime(Duration.ofSeconds(1)).pressDuring("hotline/welcome", '1')
                .pressDuring("hotline/purpose", '2')
                .hangupWhen(line -> {
                    if (line.startsWith("STREAM FILE \"hotline/connecting\"") && held.compareAndSet(false, true)) {
                        awaitQuietly(shown);
                        return hangUp;
                    }
                    return false;
                }).build();
        return PhoneCalls.inBackground(fake);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
