package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.core.db.Tables.TIP_DRAFTS;
import static org.hotline.core.db.Tables.TIP_DANGER_ANSWERS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * Guidance on the operator's screen during a call, in a real browser against the real hotline and fake-Asterisk
 * calls: on a danger call the safety check comes first, then the danger assessment, whose answers reach the saved
 * tip and set its urgency; a manager's edit of a text is audited and shows on the operator's next call.
 */
class GuidanceScreenBrowserTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);

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
    void onADangerCallTheSafetyCheckComesFirstAndTheDangerAnswersReachTheTip() {
        Operator amina = People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        try (Browser operator = new Browser(base)) {
            onDuty(operator);
            CallRecord record = takeCall(operator, '1');

            WebElement panel = operator.waitFor(By.id("guidance"));
            operator.waitFor(By.id("danger-assessment"));
            List<String> topics = panel.findElements(By.cssSelector(".guidance-part")).stream()
                    .map(p -> p.getDomAttribute("data-topic")).toList();
            assertThat(topics).first().isEqualTo("safety-check");
            assertThat(topics).containsExactly("safety-check", "quick-exit", "danger-check", "this-call", "referrals");
            assertThat(operator.text(By.cssSelector(".guidance-safety-check")))
                    .contains("Can you talk safely right now?", "Is anyone with you, or can anyone hear you?");
            assertThat(operator.text(By.cssSelector(".guidance-quick-exit"))).contains("Sorry, wrong number. Goodbye.");
            assertThat(operator.driver.findElements(By.cssSelector("#danger-assessment .danger-question"))).hasSize(5);
            operator.waitForText(By.id("danger-urgency"), "No answer so far");

            operator.click(By.cssSelector("input[name='danger-injured'][value='no']"));
            operator.click(By.cssSelector("input[name='danger-confined'][value='yes']"));
            operator.click(By.cssSelector("input[name='danger-child'][value='unsure']"));
            operator.waitForText(By.id("danger-urgency"), "urgency Critical and imminent danger");

            String callId = endCall(record);
            operator.waitForText(By.id("state"), "Wrap-up");
            operator.waitFor(By.id("tip-form"));
            assertThat(operator.driver.findElement(By.id("guidance")).isDisplayed())
                    .as("the guidance stays until the tip is saved").isTrue();

            select(operator, "tip-contactType", "substantive");
            operator.waitFor(By.id("tip-details"));
            select(operator, "tip-signal", "crisis");
            select(operator, "tip-country", "AF");
            // The operator's own choice is lower than the answers call for: the answers win.
            select(operator, "tip-urgency", "non-critical");
            select(operator, "tip-consent", "confidential");
            operator.click(By.id("tip-save"));
            operator.waitForText(By.id("notice"), "Tip saved.");
            operator.waitUntilHidden(By.id("guidance"));

            var dsl = hotline.database().dsl();
            var tip = dsl.selectFrom(TIPS).where(TIPS.CALL_ID.eq(callId)).fetchSingle();
            assertThat(tip.getOperatorId()).isEqualTo(amina.id());
            assertThat(tip.getUrgency()).isEqualTo("critical");
            assertThat(tip.getImminentDanger()).isTrue();
            assertThat(dsl.selectFrom(TIP_DANGER_ANSWERS).where(TIP_DANGER_ANSWERS.TIP_ID.eq(tip.getId()))
                    .orderBy(TIP_DANGER_ANSWERS.QUESTION).fetch(r -> r.getQuestion() + "=" + r.getAnswer()))
                    .containsExactly("child=unsure", "confined=yes", "injured=no");

            // A manager opening the tip reads the answers beside its urgency.
            People.manager(hotline, "maria");
            try (Browser manager = new Browser(base)) {
                manager.signIn("maria", People.PASSWORD, "/manager");
                manager.click(By.cssSelector("#tip-filters button[type='submit']"));
                manager.click(By.cssSelector("#tips tr[data-tip='" + tip.getId() + "'] button.open-tip"));
                manager.waitForText(By.id("tip-detail-body"), "Locked in or kept from leaving now: Yes");
                assertThat(manager.text(By.id("tip-detail-body"))).contains("Hurt, or needs a doctor now: No",
                        "A child under 18 involved: Not sure", "Critical", "Imminent danger");
            }
        }
    }

    /**
     * The danger answers are part of the call's draft: given in one tab, they reach the server with the notes, and
     * the tip saved from a second tab (which never showed them) still carries them.
     */
    @Test
    void theDangerAnswersGoWithTheDraftToTheTipSavedInAnotherTab() {
        People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        try (Browser operator = new Browser(base)) {
            onDuty(operator);
            CallRecord record = takeCall(operator, '1');
            operator.waitFor(By.id("danger-assessment"));
            operator.click(By.cssSelector("input[name='danger-confined'][value='yes']"));
            var dsl = hotline.database().dsl();
            await().atMost(Duration.ofSeconds(30)).until(() -> dsl.select(TIP_DRAFTS.CONTENT).from(TIP_DRAFTS)
                    .fetch(TIP_DRAFTS.CONTENT).stream().anyMatch(c -> c.contains("confined")));

            operator.driver.switchTo().newWindow(WindowType.TAB);
            operator.open("/operator");
            operator.waitFor(By.cssSelector("body[data-ready='true']"));
            String callId = endCall(record);
            operator.waitForText(By.id("state"), "Wrap-up");
            select(operator, "tip-contactType", "substantive");
            operator.waitFor(By.id("tip-details"));
            select(operator, "tip-signal", "crisis");
            select(operator, "tip-country", "AF");
            select(operator, "tip-urgency", "non-critical");
            select(operator, "tip-consent", "confidential");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    operator.driver.findElement(By.id("tip-save")).isEnabled());
            operator.click(By.id("tip-save"));
            operator.waitForText(By.id("notice"), "Tip saved.");

            var tip = dsl.selectFrom(TIPS).where(TIPS.CALL_ID.eq(callId)).fetchSingle();
            assertThat(dsl.selectFrom(TIP_DANGER_ANSWERS).where(TIP_DANGER_ANSWERS.TIP_ID.eq(tip.getId()))
                    .fetch(r -> r.getQuestion() + "=" + r.getAnswer())).containsExactly("confined=yes");
            assertThat(tip.getImminentDanger()).as("the answer's rule applies to the tip saved elsewhere").isTrue();
        }
    }

    @Test
    void aManagersEditIsAuditedAndShowsOnTheOperatorsNextCall() {
        People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        var maria = People.manager(hotline, "maria");
        String edited = "Ask first, quietly: \"Are you somewhere safe to talk?\"\nAgree a safe word.";
        try (Browser operator = new Browser(base); Browser manager = new Browser(base)) {
            // A first call on the built-in text, its tip saved; the operator's page stays open from here on.
            onDuty(operator);
            CallRecord first = takeCall(operator, '2');
            operator.waitForText(By.cssSelector(".guidance-safety-check"), "Can you talk safely right now?");
            endCall(first);
            operator.waitFor(By.id("tip-form"));
            select(operator, "tip-contactType", "test");
            operator.click(By.id("tip-save"));
            operator.waitForText(By.id("notice"), "Tip saved.");
            operator.waitUntilHidden(By.id("guidance"));
            operator.waitForText(By.id("state"), "Available");

            manager.signIn("maria", People.PASSWORD, "/manager");
            manager.click(By.id("nav-guidance"));
            manager.waitFor(By.cssSelector("body[data-ready='true']"));
            WebElement text = manager.waitFor(By.id("text-all-safety-check"));
            assertThat(text.getDomProperty("value")).contains("Can you talk safely right now?");
            text.clear();
            text.sendKeys(edited);
            By article = By.cssSelector("article[data-purpose='all'][data-topic='safety-check']");
            manager.driver.findElement(article).findElement(By.cssSelector(".save-guidance")).click();
            manager.waitForText(By.cssSelector("article[data-topic='safety-check'] .guidance-status"),
                    "Saved as version 2.");
            manager.driver.findElement(article).findElement(By.cssSelector(".show-history")).click();
            manager.waitForText(By.cssSelector("article[data-topic='safety-check'] .guidance-history"),
                    "Version 1, Built-in text");
            assertThat(manager.text(By.cssSelector("article[data-topic='safety-check'] .guidance-history")))
                    .contains("Version 2, Manager maria", "Can you talk safely right now?");

            var dsl = hotline.database().dsl();
            await().atMost(Duration.ofSeconds(10)).until(() -> dsl.fetchCount(AUDIT_EVENTS,
                    AUDIT_EVENTS.ACTION.eq("guidance-edited").and(AUDIT_EVENTS.ACTOR_ID.eq(maria.id()))
                            .and(AUDIT_EVENTS.SUBJECT_ID.eq("all/safety-check/en@2"))) == 1);

            takeCall(operator, '2');
            operator.waitForText(By.cssSelector(".guidance-safety-check"), "Are you somewhere safe to talk?");
            assertThat(operator.text(By.cssSelector(".guidance-safety-check")))
                    .doesNotContain("Can you talk safely right now?");
            assertThat(operator.driver.findElements(By.id("danger-assessment"))).as("not a danger call").isEmpty();
        }
    }

    @Test
    void withTheGuidanceUnreachableTheOperatorStillGetsTheSafetyCheck() {
        People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        try (Browser operator = new Browser(base)) {
            onDuty(operator);
            // The network fails for the guidance only: every other request of the screen still goes through.
            operator.driver.executeScript("""
                    const real = window.fetch;
                    window.fetch = (url, options) => String(url).startsWith('/api/guidance')
                      ? Promise.reject(new TypeError('Failed to fetch')) : real(url, options);""");
            takeCall(operator, '1');

            operator.waitForText(By.id("guidance-source"), "The server cannot be reached");
            assertThat(operator.text(By.cssSelector(".guidance-safety-check")))
                    .contains("Can you talk safely right now?");
            assertThat(operator.text(By.cssSelector(".guidance-quick-exit"))).contains("Sorry, wrong number.");
        }
    }

    private static void onDuty(Browser operator) {
        operator.signIn("amina", People.PASSWORD, "/operator");
        operator.waitForText(By.id("state"), "Away");
        operator.click(By.id("go-available"));
        operator.waitForText(By.id("state"), "Available");
    }

    /** A Dari caller choosing {@code purposeKey}, accepted by the operator and put through. */
    private CallRecord takeCall(Browser operator, char purposeKey) {
        CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall
                .builder("127.0.0.1", hotline.agiPort()).callerId("+93700000111").pressDuringMenus('1', purposeKey)
                .build().run(CALL_LIMIT));
        operator.waitFor(By.id("offer"));
        operator.click(By.id("accept"));
        CallRecord record = call.join();
        operator.waitForText(By.id("state"), "On a call");
        return record;
    }

    /** The caller hangs up: the dialplan's end report, as Asterisk sends it. Returns the call's id. */
    private String endCall(CallRecord record) {
        String callId = hotline.database().dsl().select(CALLS.ID).from(CALLS)
                .where(CALLS.ASTERISK_UNIQUE_ID.eq(record.uniqueId())).fetchSingle(CALLS.ID);
        FakeCall.builder("127.0.0.1", hotline.agiPort()).script("hotline-end").uniqueId(record.uniqueId())
                .variable("HOTLINE_CALL_ID", callId).variable("DIALSTATUS", "ANSWER")
                .variable("HOTLINE_END_ANSWERED_MS", "1760000000000")
                .variable("HOTLINE_END_ENDED_MS", "1760000042000").build().run(CALL_LIMIT);
        return callId;
    }

    private static void select(Browser browser, String id, String value) {
        new Select(browser.waitFor(By.id(id))).selectByValue(value);
    }
}
