package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.TIPS;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dispatch screen in a real browser against the real hotline: an operator signs in, goes available, takes a
 * fake-Asterisk call in Dari, records a tip with two referrals after it; a manager in a second browser watches
 * the wallboard change and opens the tip. Text typed by people (a display name, the summary) carries XSS
 * payloads, which must show as plain text.
 */
class OperatorScreenBrowserTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private static final String XSS = "<img src=x onerror=alert(1)><script>alert(2)</script>";

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
    void anOperatorTakesACallAndRecordsATipThatAManagerOpens() {
        Operator amina = People.operator(hotline, "amina", "Amina " + XSS, Language.DARI, "PJSIP/1001");
        Operator maria = People.manager(hotline, "maria");
        try (Browser operator = new Browser(base); Browser manager = new Browser(base)) {
            manager.signIn("maria", People.PASSWORD, "/manager");
            manager.waitForText(By.cssSelector("#wb-states tr[data-state='away'] td.number"), "0");

            operator.signIn("amina", People.PASSWORD, "/operator");
            assertThat(operator.text(By.id("who-name"))).isEqualTo("Amina " + XSS);
            assertThat(operator.driver.findElements(By.cssSelector("header img, header script"))).isEmpty();
            WebElement dari = operator.driver.findElement(By.cssSelector("#who-languages [lang='prs']"));
            assertThat(dari.getText()).isEqualTo("دری");
            assertThat(dari.getDomAttribute("dir")).isEqualTo("rtl");
            operator.waitForText(By.id("state"), "Away");

            operator.click(By.id("go-available"));
            operator.waitForText(By.id("state"), "Available");
            manager.waitForText(By.cssSelector("#wb-states tr[data-state='available'] td.number"), "1");
            manager.waitForText(By.cssSelector("#wb-languages tr[data-language='prs'] td:nth-child(3)"), "1");

            CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall
                    .builder("127.0.0.1", hotline.agiPort()).callerId("+93700000101").pressDuringMenus('1', '2')
                    .build().run(CALL_LIMIT));

            operator.waitFor(By.id("offer"));
            assertThat(operator.text(By.id("offer-language"))).contains("دری");
            assertThat(operator.text(By.id("offer-purpose"))).isEqualTo("Report a situation");
            assertThat(operator.driver.findElement(By.tagName("body")).getDomAttribute("class")).contains("alerting");
            operator.click(By.id("accept"));

            CallRecord record = call.join();
            assertThat(record.variables()).containsEntry("HOTLINE_TARGET", amina.endpoint())
                    .containsEntry("HOTLINE_IVR_DONE", "1");
            operator.waitForText(By.id("state"), "On a call");
            operator.waitFor(By.id("call"));
            operator.waitForText(By.id("call-earlier"), "0");
            assertThat(operator.driver.findElement(By.id("offer")).isDisplayed()).isFalse();

            String callId = hotline.database().dsl().select(CALLS.ID).from(CALLS)
                    .where(CALLS.ASTERISK_UNIQUE_ID.eq(record.uniqueId())).fetchSingle(CALLS.ID);
            FakeCall.builder("127.0.0.1", hotline.agiPort()).script("hotline-end").uniqueId(record.uniqueId())
                    .variable("HOTLINE_CALL_ID", callId).variable("DIALSTATUS", "ANSWER")
                    .variable("HOTLINE_END_ANSWERED_MS", "1760000000000")
                    .variable("HOTLINE_END_ENDED_MS", "1760000042000").build().run(CALL_LIMIT);
            operator.waitForText(By.id("state"), "Wrap-up");
            operator.waitFor(By.id("tip-form"));

            fillTip(operator);
            // A refused save says why and keeps every input; the corrected form then saves.
            operator.driver.findElement(By.id("tip-victims-female")).sendKeys("5");
            operator.click(By.id("tip-save"));
            operator.waitForText(By.id("tip-error"), "Not saved:");
            assertThat(operator.driver.findElement(By.id("tip-summary")).getDomProperty("value"))
                    .isEqualTo("Summary " + XSS);
            assertThat(operator.driver.findElements(By.cssSelector("#referrals li"))).hasSize(2);
            assertThat(hotline.database().dsl().fetchCount(TIPS)).isZero();
            operator.driver.findElement(By.id("tip-victims-female")).clear();
            operator.click(By.id("tip-save"));
            operator.waitForText(By.id("notice"), "Tip saved.");
            operator.waitUntilHidden(By.id("tip"));
            operator.waitForText(By.id("state"), "Available");

            var dsl = hotline.database().dsl();
            var tip = dsl.selectFrom(TIPS).where(TIPS.CALL_ID.eq(callId)).fetchSingle();
            assertThat(tip.getOperatorId()).isEqualTo(amina.id());
            assertThat(tip.getContactType()).isEqualTo("substantive");
            assertThat(tip.getCountry()).isEqualTo("AF");
            assertThat(tip.getSummary()).isEqualTo("Summary " + XSS);
            var referrals = dsl.selectFrom(REFERRALS).where(REFERRALS.TIP_ID.eq(tip.getId()))
                    .orderBy(REFERRALS.PARTNER_ID).fetch();
            assertThat(referrals).extracting(r -> r.getPartnerId() + "/" + r.getService() + "/" + r.getCrossBorder())
                    .containsExactly("af-hagar/psychosocial/false", "tj-madina/psychosocial/true");
            assertThat(referrals).extracting(r -> r.getConsent()).containsExactly(true, false);

            manager.waitForText(By.id("wb-answered"), "1");
            manager.click(By.cssSelector("#tip-filters button[type='submit']"));
            manager.click(By.cssSelector("#tips tr[data-tip='" + tip.getId() + "'] button.open-tip"));
            manager.waitForText(By.id("tip-detail-body"), "Tajikistan");
            assertThat(manager.text(By.cssSelector("#tip-detail-body .summary"))).isEqualTo("Summary " + XSS);
            assertThat(manager.driver.findElements(By.cssSelector("#tip-detail-body img, #tip-detail-body script")))
                    .isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> dsl.fetchCount(AUDIT_EVENTS,
                    AUDIT_EVENTS.SUBJECT_ID.eq(tip.getId()).and(AUDIT_EVENTS.ACTOR_ID.eq(maria.id()))
                            .and(AUDIT_EVENTS.ACTION.eq("tip-opened"))) == 1);
            assertThat(operator.alertShown()).isFalse();
            assertThat(manager.alertShown()).isFalse();
        }
    }

    private static void fillTip(Browser browser) {
        select(browser, "tip-contactType", "substantive");
        browser.waitFor(By.id("tip-details"));
        select(browser, "tip-signal", "tip");
        select(browser, "tip-country", "AF");
        select(browser, "tip-region", "AF-KAB");
        select(browser, "tip-destination", "TJ");
        select(browser, "tip-urgency", "urgent");
        select(browser, "tip-consent", "share");
        browser.driver.findElement(By.id("tip-victims-count")).sendKeys("2");
        browser.driver.findElement(By.id("tip-summary")).sendKeys("Summary " + XSS);
        assertThat(browser.driver.findElement(By.id("tip-crossborder")).isDisplayed()).isTrue();

        addReferral(browser, "AF", "af-hagar");
        browser.driver.findElement(By.cssSelector("#referrals li[data-partner='af-hagar'] .referral-consent")).click();
        addReferral(browser, "TJ", "tj-madina");
        assertThat(browser.driver.findElement(By.cssSelector(
                "#referrals li[data-partner='tj-madina'] .referral-cross-border")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.cssSelector(
                "#referrals li[data-partner='af-hagar'] .referral-cross-border")).isDisplayed()).isFalse();
    }

    private static void addReferral(Browser browser, String country, String partnerId) {
        // The referrals are folded away until needed, to keep the form short during a call.
        if (browser.driver.findElement(By.id("tip-referrals")).getDomAttribute("open") == null) {
            browser.click(By.cssSelector("#tip-referrals > summary"));
        }
        select(browser, "partner-country", country);
        select(browser, "partner-service", "psychosocial");
        browser.click(By.id("partner-search"));
        browser.click(By.cssSelector("#partner-results li[data-partner='" + partnerId + "'] .add-referral"));
        browser.waitFor(By.cssSelector("#referrals li[data-partner='" + partnerId + "']"));
    }

    private static void select(Browser browser, String id, String value) {
        new Select(browser.waitFor(By.id(id))).selectByValue(value);
    }
}
