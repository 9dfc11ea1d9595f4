package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.callcontrol.DutyPerson;
import org.hotline.callcontrol.EscalationStore;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.simulator.ami.FakeAmi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The manager's wallboard shows an on-call escalation live, in a real browser against the real hotline and the
 * fake Asterisk's AMI: who is being paged, and who acknowledged; the duty number never reaches the page.
 */
class EscalationBrowserTest {
    private static final String SECRET = "b1c2d3e4f5a6b7c8d9e0";
    private static final String DUTY_PHONE = "+93700111001";
    private static final String DUTY_CHANNEL = "PJSIP/" + DUTY_PHONE + "@telecom";

    @TempDir
    Path dataDir;
    @TempDir
    Path secrets;
    FakeAmi ami;
    Hotline hotline;
    String base;

    @BeforeEach
    void start() throws Exception {
        ami = FakeAmi.start("hotline", SECRET);
        Path secretFile = Files.writeString(secrets.resolve("ami.secret"), SECRET + "\n");
        hotline = TestHotline.start(dataDir, Map.of("ami.host", "127.0.0.1",
                "ami.port", Integer.toString(ami.port()), "ami.secret-file", secretFile.toString(),
                "ami.action-timeout", "5s", "ami.ring-timeout", "60s", "ami.ping-interval", "1s",
                "escalation.dial", "PJSIP/{number}@telecom", "escalation.ack-timeout", "120s"));
        base = TestHotline.screenUrl(hotline);
    }

    @AfterEach
    void stop() {
        hotline.close();
        ami.close();
    }

    @Test
    void theWallboardShowsWhoIsPagedAndWhoAcknowledged() {
        People.manager(hotline, "mona");
        new EscalationStore(hotline.database().dsl()).replaceDutyList(List.of(
                new DutyPerson(UUID.randomUUID().toString(), "Aziz", DUTY_PHONE)));
        String callId = UUID.randomUUID().toString();
        try (Browser manager = new Browser(base)) {
            manager.signIn("mona", People.PASSWORD, "/manager");
            manager.waitForText(By.id("esc-status"), "No escalation.");

            hotline.vertx().eventBus().publish(BusAddresses.ESCALATION_NEEDED, new EscalationNeeded(
                    EscalationNeeded.Kind.WAITING_EMERGENCY, callId, "prs", Instant.now()).toJson());

            By row = By.cssSelector("#escalations tr[data-escalation]");
            manager.waitForText(By.cssSelector("#escalations tr[data-state='paging'] .esc-paging"), "Aziz",
                    Duration.ofSeconds(30));
            manager.waitForText(By.id("esc-status"), "The duty list is being called.");
            await().atMost(Duration.ofSeconds(30)).until(() -> ami.channelOf(DUTY_CHANNEL)
                    .flatMap(ami::location).filter("hotline-oncall,page"::equals).isPresent());
            ami.press(ami.channelOf(DUTY_CHANNEL).orElseThrow(), '1');

            manager.waitForText(By.cssSelector("#escalations tr[data-state='acknowledged'] .esc-ack"), "Aziz",
                    Duration.ofSeconds(30));
            assertThat(manager.text(row)).contains("Acknowledged", "Emergency waiting");
            assertThat(manager.driver.getPageSource()).doesNotContain("700111001");

            // A reload shows only what is going on now: the acknowledged one has ended.
            manager.open("/manager");
            manager.waitForText(By.id("esc-status"), "No escalation.");
        }
    }

    @Test
    void aManagerEditsTheDutyListOnItsPageAndAnOperatorIsSentHome() {
        People.manager(hotline, "mona");
        People.operator(hotline, "amina", "Amina", org.hotline.core.call.Language.DARI, "PJSIP/1001");
        new EscalationStore(hotline.database().dsl()).replaceDutyList(List.of(
                new DutyPerson(UUID.randomUUID().toString(), "Aziz", DUTY_PHONE)));
        try (Browser manager = new Browser(base); Browser operator = new Browser(base)) {
            manager.signIn("mona", People.PASSWORD, "/manager");
            manager.click(By.cssSelector("#nav a[href='/duty-list']"));
            manager.waitFor(By.cssSelector("#duty-people tr[data-index='0'] .duty-name"));
            assertThat(manager.driver.findElement(By.cssSelector("#duty-people tr[data-index='0'] .duty-phone"))
                    .getDomProperty("value")).isEqualTo(DUTY_PHONE);
            manager.click(By.id("duty-add"));
            manager.waitFor(By.cssSelector("#duty-people tr[data-index='1'] .duty-name")).sendKeys("Bibi");
            manager.driver.findElement(By.cssSelector("#duty-people tr[data-index='1'] .duty-phone"))
                    .sendKeys("+93 700 222 002");
            manager.click(By.cssSelector("#duty-people tr[data-index='1'] .duty-up"));
            manager.click(By.id("duty-save"));
            manager.waitForText(By.id("duty-status"), "Saved: 2 people on the list.");
            assertThat(new EscalationStore(hotline.database().dsl()).dutyList())
                    .extracting(DutyPerson::name, DutyPerson::phone)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Bibi", "+93700222002"),
                            org.assertj.core.groups.Tuple.tuple("Aziz", DUTY_PHONE));

            operator.signIn("amina", People.PASSWORD, "/operator");
            operator.open("/duty-list");
            operator.waitFor(By.id("refusal"));
            assertThat(operator.text(By.id("refusal-what"))).contains("the on-call duty list");
            assertThat(operator.driver.getPageSource()).doesNotContain("700111001");
        }
    }
}
