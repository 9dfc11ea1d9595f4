package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.WALLBOARD_THRESHOLDS;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 16's wallboard alerts on the real hotline and H2: a manager sets the thresholds (stored, audited, out of
 * range refused naming the field), and in real Chromium the alert shows, and sounds, when emergencies wait.
 */
class WallboardAlertBrowserTest {
    @TempDir
    Path dataDir;
    Hotline hotline;
    String base;

    @BeforeEach
    void start() {
        hotline = TestHotline.start(dataDir, Map.of("ivr.hold.poll", "50ms"));
        base = TestHotline.screenUrl(hotline);
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    @Test
    void thresholdsAreSetOnlyByManagersWithinTheirRangesAndEveryChangeIsAudited() {
        People.manager(hotline, "maria");
        People.operator(hotline, "olga", "Olga", Language.DARI, "PJSIP/1001");
        ScreenClient operator = new ScreenClient(hotline.httpPort());
        operator.signIn("olga", People.PASSWORD);
        assertThat(operator.postJson("/api/wallboard/alerts", "{\"emergenciesWaiting\":1}", true).statusCode())
                .isEqualTo(403);

        ScreenClient manager = new ScreenClient(hotline.httpPort());
        manager.signIn("maria", People.PASSWORD);
        var refused = manager.postJson("/api/wallboard/alerts",
                "{\"serviceLevelBelow\":101,\"longestWaitOver\":-5,\"emergenciesWaiting\":1}", true);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(refused.body()).getString("field")).isEqualTo("serviceLevelBelow");
        assertThat(refused.body()).contains("longestWaitOver");
        assertThat(hotline.database().dsl().fetchCount(WALLBOARD_THRESHOLDS)).isZero();

        var saved = manager.postJson("/api/wallboard/alerts",
                "{\"serviceLevelBelow\":80,\"longestWaitOver\":null,\"emergenciesWaiting\":2}", true);
        assertThat(saved.statusCode()).isEqualTo(200);
        manager.postJson("/api/wallboard/alerts", "{\"emergenciesWaiting\":1}", true);

        assertThat(new JsonObject(manager.get("/api/wallboard/alerts").body()))
                .isEqualTo(new JsonObject().put("serviceLevelBelow", null).put("longestWaitOver", null)
                        .put("emergenciesWaiting", 1));
        assertThat(hotline.database().dsl().fetchCount(AUDIT_EVENTS,
                AUDIT_EVENTS.ACTION.eq("wallboard-alerts-set"))).isEqualTo(2);
    }

    @Test
    void anEmergencyWaitingPastTheThresholdShowsAndSoundsAnAlertOnTheManagersWallboard() {
        People.manager(hotline, "maria");
        People.operator(hotline, "olga", "Olga", Language.DARI, "PJSIP/1001");
        try (Browser manager = new Browser(base); Browser operator = new Browser(base)) {
            manager.signIn("maria", People.PASSWORD, "/manager");
            manager.waitFor(By.id("wa-form"));
            // Out of range: refused, and the field is marked.
            manager.driver.findElement(By.id("wa-longest-wait")).sendKeys("-5");
            manager.click(By.id("wa-save"));
            manager.waitForText(By.id("wa-error"), "Not saved");
            assertThat(manager.driver.findElement(By.id("wa-longest-wait")).getDomAttribute("aria-invalid"))
                    .isEqualTo("true");
            manager.driver.findElement(By.id("wa-longest-wait")).clear();
            manager.driver.findElement(By.id("wa-emergencies")).sendKeys("1");
            manager.click(By.id("wa-save"));
            manager.waitForText(By.id("wa-saved"), "Thresholds saved.");

            // On duty but away: the caller in danger holds, nobody takes the call.
            operator.signIn("olga", People.PASSWORD, "/operator");
            operator.waitForText(By.id("state"), "Away");
            CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall
                    .builder("127.0.0.1", hotline.agiPort()).callerId("+93700000401").pressDuringMenus('1', '1')
                    .hangupAfter(Duration.ofSeconds(30)).build().run(Duration.ofSeconds(60)));

            manager.waitFor(By.cssSelector("#wb-alerts li[data-kind='emergencies-waiting']"));
            assertThat(manager.text(By.id("wb-alerts"))).contains("1 emergencies waiting");
            await().atMost(Duration.ofSeconds(30)).until(() -> manager.driver.findElement(By.tagName("body"))
                    .getDomAttribute("data-beeps") != null);
            call.join();
            manager.waitUntilHidden(By.id("wb-alerts"));
        }
    }
}
