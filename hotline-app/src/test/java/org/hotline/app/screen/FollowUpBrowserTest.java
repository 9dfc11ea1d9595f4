package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.TIPS;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.hotline.core.config.Settings;
import org.hotline.dispatch.operators.Operator;
import org.hotline.reports.ReportConfig;
import org.hotline.reports.ReportGenerator;
import org.hotline.reports.figures.Period;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Follow-up in a real Chromium against the real hotline, done as a person does it: a manager moves a referral
 * along from the screen with a due date and a note, and adds an addendum to the tip; a referral without the caller's consent is refused with the
 * rule shown, then goes ahead with a recorded basis, audited and listed in the report; an overdue referral is
 * reminded in the header; an operator who opens the reports gets a readable refusal; and every time shown (tips
 * list, report list, report) is Kabul time, 24-hour, with the zone named once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpBrowserTest {
    private static final ZoneId KABUL = ZoneId.of("Asia/Kabul");
    private static final Duration WAIT = Duration.ofSeconds(20);

    Path dataDir;
    Hotline hotline;
    String base;
    Operator amina;

    @BeforeAll
    void start(@TempDir Path dir) {
        dataDir = dir;
        hotline = TestHotline.start(dataDir, Map.of());
        base = TestHotline.screenUrl(hotline);
        amina = People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        People.manager(hotline, "maria");
    }

    @AfterAll
    void stop() {
        hotline.close();
    }

    @Test
    void aManagerMovesAReferralFromTheScreenWithADueDateAndANote() {
        String tip = tipWithReferral(true);
        String referral = referralOf(tip);
        LocalDate due = LocalDate.now(KABUL).plusDays(4);
        try (Browser manager = new Browser(base)) {
            manager.signIn("maria", People.PASSWORD, "/manager");
            manager.click(By.cssSelector("#tips tr[data-tip='" + tip + "'] button.open-tip"));
            manager.click(By.cssSelector("#tip-detail-body a.follow-up-link"));
            manager.waitFor(By.cssSelector("body[data-ready='true']"));
            manager.waitFor(By.id("save-" + referral));

            new Select(manager.driver.findElement(By.id("status-" + referral))).selectByValue("sent");
            typeDate(manager, By.id("due-" + referral), due);
            manager.driver.findElement(By.id("note-" + referral)).sendKeys("Phoned the shelter; answer by Thursday");
            manager.click(By.id("save-" + referral));

            By card = By.cssSelector("#tip-referrals [data-referral='" + referral + "']");
            manager.waitForText(card, "Sent (due " + due + ")");
            assertThat(manager.text(card)).contains("Phoned the shelter; answer by Thursday");

            // What was learnt later goes in an addendum; the tip as written stays as it was.
            manager.driver.findElement(By.id("addendum-text")).sendKeys("The shelter has a place from Monday.");
            manager.click(By.id("addendum-add"));
            manager.waitForText(By.id("addenda"), "Manager maria: The shelter has a place from Monday.");
        }
        var dsl = hotline.database().dsl();
        assertThat(dsl.fetchValue(REFERRALS.STATUS, REFERRALS.ID.eq(referral))).isEqualTo("sent");
        assertThat(dsl.fetchValue(REFERRALS.DUE_ON, REFERRALS.ID.eq(referral))).isEqualTo(due);
        assertThat(dsl.fetchValue(REFERRAL_STATUS_CHANGES.NOTE, REFERRAL_STATUS_CHANGES.REFERRAL_ID.eq(referral)
                .and(REFERRAL_STATUS_CHANGES.TO_STATUS.eq("sent")))).isEqualTo("Phoned the shelter; answer by Thursday");
        assertThat(dsl.fetchValue(TIPS.SUMMARY, TIPS.ID.eq(tip))).isEqualTo("A follow-up test tip");
        assertThat(dsl.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.SUBJECT_ID.eq(tip)
                .and(AUDIT_EVENTS.ACTION.eq("tip-addendum-added")))).isEqualTo(1);
    }

    @Test
    void aReferralWithoutConsentIsRefusedOnScreenThenGoesAheadOnARecordedBasisAuditedAndReported() {
        String tip = tipWithReferral(false);
        String referral = referralOf(tip);
        try (Browser manager = new Browser(base)) {
            manager.signIn("maria", People.PASSWORD, "/manager");
            manager.open("/follow-up?tip=" + tip);
            manager.waitFor(By.id("save-" + referral));

            new Select(manager.driver.findElement(By.id("status-" + referral))).selectByValue("sent");
            manager.driver.findElement(By.id("note-" + referral)).sendKeys("Caller locked in; police informed");
            manager.click(By.id("save-" + referral));
            manager.waitForText(By.id("change-error-" + referral), "Consent rule:");
            assertThat(hotline.database().dsl().fetchValue(REFERRALS.STATUS, REFERRALS.ID.eq(referral)))
                    .isEqualTo("proposed");

            new Select(manager.driver.findElement(By.id("basis-" + referral))).selectByValue("imminent-danger");
            manager.click(By.id("save-" + referral));
            By card = By.cssSelector("#tip-referrals [data-referral='" + referral + "']");
            manager.waitForText(card, "without consent on the basis: Imminent danger to life or safety");
            assertThat(manager.text(card)).contains("Caller's consent: No; basis: Imminent danger to life or safety");

            var dsl = hotline.database().dsl();
            assertThat(dsl.fetchValue(REFERRALS.STATUS, REFERRALS.ID.eq(referral))).isEqualTo("sent");
            assertThat(dsl.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.SUBJECT_ID.eq(referral)
                    .and(AUDIT_EVENTS.ACTION.eq("referral-sent-without-consent")))).isEqualTo(1);

            String day = generateTodaysReport();
            manager.open("/reports/" + day);
            manager.waitFor(By.id("table-consent-exceptions-each"));
            assertThat(manager.text(By.id("table-consent-exceptions-each"))).contains(referral)
                    .contains("Imminent danger to life or safety");
        }
    }

    @Test
    void anOverdueReferralIsRemindedToItsOperatorAndToManagers() {
        String tip = tipWithReferral(true);
        String referral = referralOf(tip);
        hotline.database().dsl().update(REFERRALS).set(REFERRALS.CREATED_AT,
                Instant.now().minus(10, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .where(REFERRALS.ID.eq(referral)).execute();
        try (Browser operator = new Browser(base); Browser manager = new Browser(base)) {
            operator.signIn("amina", People.PASSWORD, "/operator");
            operator.waitFor(By.id("overdue-reminder"));
            assertThat(operator.text(By.id("overdue-reminder"))).matches("\\d+ referrals? overdue");
            operator.click(By.id("overdue-reminder"));
            By row = By.cssSelector("#followup-referrals tr.overdue[data-referral='" + referral + "']");
            operator.waitFor(row);
            assertThat(operator.text(row)).contains("Overdue");
            // The operator's own tips are on the same page.
            operator.waitFor(By.cssSelector("#my-tips tr[data-tip='" + tip + "']"));

            manager.signIn("maria", People.PASSWORD, "/manager");
            manager.waitFor(By.id("overdue-reminder"));
            assertThat(manager.text(By.id("overdue-reminder"))).contains("overdue");
        }
    }

    @Test
    void anOperatorOpeningTheReportsSeesAReadableRefusal() {
        try (Browser operator = new Browser(base)) {
            operator.signIn("amina", People.PASSWORD, "/operator");
            operator.open("/reports");
            operator.waitFor(By.id("refusal"));
            assertThat(operator.text(By.tagName("h1"))).isEqualTo("This page is not open to you");
            assertThat(operator.text(By.id("refusal-what"))).contains("the reports")
                    .contains("managers and admins").contains("amina");
            operator.click(By.id("refusal-back"));
            operator.waitFor(By.cssSelector("body[data-ready='true']"));
            assertThat(operator.driver.getCurrentUrl()).isEqualTo(base + "/operator");
        }
        HttpResponse<String> api = signedInClient("amina").get("/api/follow-up/overdue");
        assertThat(api.statusCode()).isEqualTo(200);
    }

    @Test
    void everyTimeShownIsKabul24HourWithTheZoneNamedOnce() {
        String tip = tipWithReferral(true);
        // 09:35 UTC is 14:05 in Kabul: a browser in UTC or in 12-hour format would show it otherwise.
        hotline.database().dsl().update(TIPS).set(TIPS.CREATED_AT, Instant.parse("2026-12-01T09:35:00Z")
                .atOffset(ZoneOffset.UTC)).where(TIPS.ID.eq(tip)).execute();
        String day = generateTodaysReport();
        try (Browser manager = new Browser(base)) {
            manager.signIn("maria", People.PASSWORD, "/manager");
            By row = By.cssSelector("#tips tr[data-tip='" + tip + "'] td:first-child");
            manager.waitFor(row);
            assertThat(manager.text(row)).isEqualTo("2026-12-01 14:05");
            assertThat(manager.text(By.id("time-zone"))).isEqualTo("Times in Asia/Kabul (UTC+04:30), 24-hour");
            assertThat(manager.text(By.tagName("body")).split("Asia/Kabul", -1)).hasSize(2);
            // The navigation reaches the reports.
            manager.click(By.cssSelector("#nav a[href='/reports']"));

            manager.waitFor(By.id("reports"));
            String generated = manager.text(By.cssSelector("#reports tbody tr:first-child td:nth-child(3)"));
            assertThat(generated).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
            assertThat(manager.text(By.cssSelector(".subtitle"))).contains("Times in Asia/Kabul (UTC+04:30), 24-hour");

            manager.click(By.cssSelector("#reports a.open[href='/reports/" + day + "']"));
            manager.waitFor(By.cssSelector(".subtitle"));
            String subtitle = manager.text(By.cssSelector(".subtitle"));
            assertThat(subtitle).contains("Times in Asia/Kabul (UTC+04:30), 24-hour")
                    .containsPattern("Generated \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\.").doesNotContain("Z.");
            assertThat(manager.text(By.tagName("body")).split("Asia/Kabul", -1)).hasSize(2);
        }
    }

    /**
     * Types a date into a date field as a person does, in the order the field shows for the browser's language
     * (mm/dd/yyyy in en-US, dd/mm/yyyy in en-GB).
     */
    private static void typeDate(Browser browser, By field, LocalDate day) {
        String order = (String) browser.driver.executeScript("return new Intl.DateTimeFormat(navigator.language)"
                + ".formatToParts(new Date(2020, 10, 22)).map(p => p.type)"
                + ".filter(t => t === 'day' || t === 'month' || t === 'year').map(t => t[0]).join('')");
        StringBuilder keys = new StringBuilder();
        for (char part : order.toCharArray()) {
            keys.append(switch (part) {
                case 'd' -> String.format("%02d", day.getDayOfMonth());
                case 'm' -> String.format("%02d", day.getMonthValue());
                default -> String.format("%04d", day.getYear());
            });
        }
        WebElement input = browser.driver.findElement(field);
        input.sendKeys(keys);
        await().atMost(WAIT).untilAsserted(() -> assertThat(input.getDomProperty("value")).isEqualTo(day.toString()));
    }

    private String generateTodaysReport() {
        Settings settings = Settings.defaultSettings().with(Map.of("data.dir", dataDir.toString()));
        LocalDate today = LocalDate.now(KABUL);
        new ReportGenerator(hotline.database().dsl(), ReportConfig.from(settings), Clock.systemUTC(),
                new SimpleMeterRegistry()).generate(Period.day(today, KABUL), "test", true).orElseThrow();
        return today.toString();
    }

    /** A tip saved by Amina through the real API, with one referral; returns the tip's id. */
    private String tipWithReferral(boolean consent) {
        String id = UUID.randomUUID().toString();
        JsonObject tip = new JsonObject().put("id", id).put("contactType", "substantive").put("signal", "tip")
                .put("country", "AF").put("region", "AF-KAB").put("urgency", "urgent").put("imminentDanger", false)
                .put("consent", "share").put("summary", "A follow-up test tip")
                .put("referrals", new JsonArray().add(new JsonObject().put("partnerId", "af-hagar")
                        .put("service", "shelter").put("consent", consent)));
        HttpResponse<String> saved = signedInClient("amina").postJson("/api/tips", tip.encode(), true);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        return id;
    }

    private String referralOf(String tip) {
        return hotline.database().dsl().fetchValue(REFERRALS.ID, REFERRALS.TIP_ID.eq(tip));
    }

    private ScreenClient signedInClient(String username) {
        ScreenClient client = new ScreenClient(hotline.httpPort());
        assertThat(client.signIn(username, People.PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }
}
