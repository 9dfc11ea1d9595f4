package org.hotline.acceptance.faults;

import org.hotline.acceptance.SimulatedOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.core.db.Tables.OPERATOR_STATES;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.TIPS;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.Staff;
import org.hotline.app.screen.Browser;
import org.hotline.core.testing.StoppablePostgres;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The database goes away under the running hotline and comes back (RELIABILITY row 7), on a real PostgreSQL that
 * the test stops and starts again. While it is down: {@code /health} answers 503 saying the database is down,
 * a call still reaches an operator and ends (the operator gets their wrap-up), and saving a tip in a real browser
 * says it was not saved and keeps everything typed, with nothing written. Once it is back, with no restart,
 * {@code /health} is 200 again, the call made during the outage is stored after all (its steps, end and the
 * operator's states waited in memory), the same form saves once, and calls are recorded again.
 */
class DatabaseDownTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private static final String SUMMARY = "Two brothers kept at a carpet workshop, passports taken";
    private static final Desk BROWSER_DESK = new Desk("nadia", "prs", '1', "PJSIP/1001");
    private static final Desk BRIDGE_DESK = new Desk("omid", "prs", '1', "PJSIP/1011");

    /** Kept when the test fails, with the hotline's log in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private final Vertx clients = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private StoppablePostgres postgres;
    private HotlineProcess hotline;

    @AfterEach
    void stopEverything() {
        if (hotline != null) {
            hotline.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        clients.close();
        http.close();
    }

    @Test
    void callsGoOnTheFormKeepsTheTipAndEverythingRecoversWithoutARestart() throws Exception {
        postgres = StoppablePostgres.start(dir.resolve("postgres"));
        Path data = dir.resolve("data");
        BROWSER_DESK.add(data, postgres.settings());
        BRIDGE_DESK.add(data, postgres.settings());
        Map<String, String> settings = new HashMap<>(postgres.settings());
        settings.putAll(Map.of("ivr.menu.timeout", "500ms", "ivr.hold.poll", "50ms",
                "ivr.voicemail.dir", dir.resolve("voicemail").toString()));
        hotline = HotlineProcess.start(data, "hotline", settings);
        assertThat(health().statusCode()).isEqualTo(200);

        try (Browser nadia = new Browser(hotline.baseUrl())) {
            nadia.signIn(BROWSER_DESK.username(), Staff.PASSWORD, "/operator");
            nadia.click(By.id("go-available"));
            nadia.waitForText(By.id("state"), "Available");
            CallRecord first = takeCall(nadia);
            fillTipWithAReferral(nadia);

            CallRecord duringOutage;
            try (SimulatedOperator omid = SimulatedOperator.signIn(clients, hotline, BRIDGE_DESK.username())) {
                omid.goAvailable();

                postgres.stop();

                HttpResponse<String> degraded = health();
                assertThat(degraded.statusCode()).isEqualTo(503);
                assertThat(new JsonObject(degraded.body()).getMap()).containsEntry("status", "degraded")
                        .containsEntry("database", "down").containsEntry("fastagi", "up");

                duringOutage = callReachingBridgeOperator(omid);
                assertThat(duringOutage.variables()).containsEntry("HOTLINE_TARGET", BRIDGE_DESK.endpoint())
                        .containsEntry("HOTLINE_IVR_DONE", "1");
                assertThat(CallStorm.reportEnd(hotline.agiPort(), duringOutage)).isTrue();
                await().until(() -> omid.states().getLast().equals("wrap-up"));
            }

            nadia.click(By.id("tip-save"));
            nadia.waitForText(By.id("tip-error"), "Not saved: The tip could not be saved");
            assertThat(value(nadia, "tip-summary")).isEqualTo(SUMMARY);
            assertThat(value(nadia, "tip-signal")).isEqualTo("tip");
            assertThat(nadia.driver.findElements(By.cssSelector("#referrals li[data-partner='af-hagar']"))).hasSize(1);

            postgres.startAgain();
            await().atMost(Duration.ofSeconds(30)).until(() -> health().statusCode() == 200);
            assertThat(hotline.isAlive()).isTrue();
            DSLContext db = DSL.using(postgres.dataSource(), SQLDialect.POSTGRES);
            assertThat(db.fetchCount(TIPS)).as("nothing half-written").isZero();
            assertThat(db.fetchCount(REFERRALS)).isZero();

            nadia.click(By.id("tip-save"));
            nadia.waitForText(By.id("notice"), "Tip saved.");
            var tip = db.selectFrom(TIPS).fetchSingle();
            assertThat(tip.getSummary()).isEqualTo(SUMMARY);
            assertThat(tip.getCallId()).isEqualTo(first.variables().get("HOTLINE_CALL_ID"));
            assertThat(db.fetchCount(REFERRALS, REFERRALS.TIP_ID.eq(tip.getId()))).isOne();

            // The call made during the outage was kept in memory and is stored now, whole: answered, with its
            // end from the hangup handler, the operator who took it (written by routing, which waits for the
            // IVR's entry of the call), and the operator's states around it.
            await().atMost(Duration.ofSeconds(60)).until(() -> db.fetchCount(CALLS,
                    CALLS.ASTERISK_UNIQUE_ID.eq(duringOutage.uniqueId()).and(CALLS.OUTCOME.eq("answered"))
                            .and(CALLS.ENDED_AT.isNotNull()).and(CALLS.TALK_SECONDS.eq(1))
                            .and(CALLS.OPERATOR_ID.eq(DSL.select(OPERATORS.ID).from(OPERATORS)
                                    .where(OPERATORS.USERNAME.eq(BRIDGE_DESK.username()))))) == 1);
            String outageCall = duringOutage.variables().get("HOTLINE_CALL_ID");
            await().atMost(Duration.ofSeconds(60)).until(() -> db.select(OPERATOR_STATES.STATE)
                    .from(OPERATOR_STATES).where(OPERATOR_STATES.CALL_ID.eq(outageCall)).fetch(r -> r.value1())
                    .containsAll(java.util.List.of("offered", "on-call", "wrap-up")));

            CallRecord afterRecovery = FakeCall.builder("127.0.0.1", hotline.agiPort()).pressDuringMenus('1', '2')
                    .hangupAfter(Duration.ofSeconds(1)).build().run(CALL_LIMIT);
            await().until(() -> db.fetchCount(CALLS, CALLS.ASTERISK_UNIQUE_ID.eq(afterRecovery.uniqueId())
                    .and(CALLS.OUTCOME.isNotNull())) == 1);
        }
        assertThat(hotline.output()).contains("The database is unreachable", "The database answers again",
                "Saving tip").doesNotContain(SUMMARY);
    }

    /** A Dari caller reaches the browser's operator, who accepts; the call ends and the tip form opens. */
    private CallRecord takeCall(Browser operator) {
        CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall
                .builder("127.0.0.1", hotline.agiPort()).pressDuringMenus('1', '2').build().run(CALL_LIMIT));
        operator.waitFor(By.id("offer"));
        operator.click(By.id("accept"));
        CallRecord record = call.join();
        assertThat(record.variables()).containsEntry("HOTLINE_TARGET", BROWSER_DESK.endpoint());
        assertThat(CallStorm.reportEnd(hotline.agiPort(), record)).isTrue();
        operator.waitForText(By.id("state"), "Wrap-up");
        operator.waitFor(By.id("tip-form"));
        return record;
    }

    private CallRecord callReachingBridgeOperator(SimulatedOperator operator) {
        CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall
                .builder("127.0.0.1", hotline.agiPort()).pressDuringMenus('1', '1').build().run(CALL_LIMIT));
        await().atMost(CALL_LIMIT).until(() -> !operator.offeredCalls().isEmpty());
        operator.accept(operator.offeredCalls().getFirst());
        return call.join();
    }

    private static void fillTipWithAReferral(Browser browser) {
        select(browser, "tip-contactType", "substantive");
        browser.waitFor(By.id("tip-details"));
        select(browser, "tip-signal", "tip");
        select(browser, "tip-country", "AF");
        select(browser, "tip-urgency", "urgent");
        select(browser, "tip-consent", "share");
        browser.driver.findElement(By.id("tip-summary")).sendKeys(SUMMARY);
        // The referrals are folded away until needed, to keep the form short during a call.
        browser.click(By.cssSelector("#tip-referrals > summary"));
        select(browser, "partner-country", "AF");
        select(browser, "partner-service", "psychosocial");
        browser.click(By.id("partner-search"));
        browser.click(By.cssSelector("#partner-results li[data-partner='af-hagar'] .add-referral"));
        browser.waitFor(By.cssSelector("#referrals li[data-partner='af-hagar']"));
    }

    private static void select(Browser browser, String id, String value) {
        new Select(browser.waitFor(By.id(id))).selectByValue(value);
    }

    private static String value(Browser browser, String id) {
        return browser.driver.findElement(By.id(id)).getDomProperty("value");
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hotline.managementUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
