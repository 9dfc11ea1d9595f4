package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.CALLS;

import java.nio.file.Files;
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
import org.hotline.simulator.ami.FakeAmi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Live call control in real browsers, against the real hotline and the fake Asterisk (FastAGI for the IVR, AMI
 * for call control): a supervisor listens and the operator's screen says so; an AMI action that never answers
 * times out and the screen says why; the operator hands the call to a colleague after talking to them first;
 * an interpreter joins and is removed; with Asterisk gone the screens say that call control is unavailable.
 */
class CallControlBrowserTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private static final String SECRET = "b1c2d3e4f5a6b7c8d9e0";
    private static final String NUMBER = "+93700000177";

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
        hotline = TestHotline.start(dataDir, Map.of("ivr.hold.poll", "50ms", "ami.host", "127.0.0.1",
                "ami.port", Integer.toString(ami.port()), "ami.secret-file", secretFile.toString(),
                "ami.action-timeout", "3s", "ami.ring-timeout", "5s", "ami.ping-interval", "1s"));
        base = TestHotline.screenUrl(hotline);
    }

    @AfterEach
    void stop() {
        hotline.close();
        ami.close();
    }

    @Test
    void supervisionTimeoutAndWarmTransferFromTheScreens() {
        Operator amina = People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        Operator farid = People.operator(hotline, "farid", "Farid", Language.DARI, "PJSIP/1002");
        Operator maria = People.supervisor(hotline, "maria", "PJSIP/1004");
        try (Browser operator = new Browser(base); Browser manager = new Browser(base)) {
            operator.signIn("amina", People.PASSWORD, "/operator");
            manager.signIn("maria", People.PASSWORD, "/manager");
            operator.click(By.id("go-available"));
            operator.waitForText(By.id("state"), "Available");
            String callId = takeACall(operator);
            String room = "hotline-" + callId;
            List<String> legs = ami.connectCall(NUMBER, callId, amina.endpoint());

            // The supervisor sees the call, listens, and the operator's screen says so.
            operator.waitFor(By.cssSelector("#callcontrol[data-available='true']"));
            manager.click(By.cssSelector("#live-calls tr[data-call='" + callId + "'] button.cc-listen"));
            operator.waitForText(By.id("cc-supervisor"), "A supervisor is listening.");
            manager.waitForText(By.id("live-status"), "You are listening to a call.");
            manager.click(By.cssSelector("#live-calls tr[data-call='" + callId + "'] button.cc-end"));
            operator.waitUntilHidden(By.id("cc-supervisor"));
            await().atMost(Duration.ofSeconds(30)).until(() -> auditActions(callId, maria.id())
                    .containsAll(List.of("supervision-listen", "supervision-ended")));

            // An interpreter joins the conversation and is removed again, from the screen.
            new Select(operator.driver.findElement(By.id("cc-interpreter"))).selectByValue(farid.id());
            operator.click(By.id("cc-add-interpreter"));
            operator.waitForText(By.id("cc-status"), "Farid is interpreting on the line.");
            await().atMost(Duration.ofSeconds(30)).until(() -> ami.members(room).size() == 3);
            operator.click(By.id("cc-remove-interpreter"));
            operator.waitForText(By.id("cc-status"), "The interpreter has left the call.");
            await().atMost(Duration.ofSeconds(30)).until(() -> ami.members(room).equals(legs));

            // Asterisk never answers the Originate: the screen says why, and the caller is back with Amina.
            new Select(operator.driver.findElement(By.id("cc-colleague"))).selectByValue(farid.id());
            ami.ignore("Originate");
            operator.click(By.id("cc-transfer"));
            operator.waitForText(By.id("cc-status"), "did not answer in time", Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).until(() -> ami.members(room).containsAll(legs));
            ami.stopIgnoring();

            // The warm transfer: Amina talks to Farid while the caller hears music, then hands the call over.
            operator.click(By.id("cc-transfer"));
            operator.waitForText(By.id("cc-status"), "You are talking to Farid; the caller hears music.");
            assertThat(ami.location(legs.get(0))).contains("hotline-callcontrol,hold");
            operator.click(By.id("cc-complete"));
            operator.waitForText(By.id("cc-status"), "The caller is now with Farid");
            String faridLeg = ami.channelOf(farid.endpoint()).orElseThrow();
            await().atMost(Duration.ofSeconds(30)).until(() -> ami.members(room).equals(List.of(faridLeg, legs.get(0)))
                    || ami.members(room).equals(List.of(legs.get(0), faridLeg)));
            await().atMost(Duration.ofSeconds(30)).until(() -> auditActions(callId, farid.id())
                    .contains("call-transfer-taken"));

            // Asterisk goes away: the supervisor's screen says call control is unavailable, never pretends.
            ami.stop();
            manager.waitForText(By.id("live-status"), "Call control is unavailable", Duration.ofSeconds(30));
            assertThat(operator.alertShown()).isFalse();
        }
        String sent = String.join("", ami.actionsReceived());
        assertThat(sent).doesNotContain(NUMBER.substring(1)).doesNotContain(NUMBER.substring(4));
    }

    @Test
    void theColleaguesScreenShowsTheOfferThenTheCallAndSaysWhenCallControlIsGone() {
        Operator amina = People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        Operator farid = People.operator(hotline, "farid", "Farid", Language.DARI, "PJSIP/1002");
        try (Browser operator = new Browser(base); Browser colleague = new Browser(base)) {
            operator.signIn("amina", People.PASSWORD, "/operator");
            colleague.signIn("farid", People.PASSWORD, "/operator");
            operator.click(By.id("go-available"));
            operator.waitForText(By.id("state"), "Available");
            String callId = takeACall(operator);
            List<String> legs = ami.connectCall(NUMBER, callId, amina.endpoint());
            operator.waitFor(By.cssSelector("#callcontrol[data-available='true']"));

            // Amina's notes so far, saved as she types.
            operator.driver.findElement(By.id("tip-summary")).sendKeys("Held at a kiln near Herat");
            operator.waitForText(By.id("tip-draft-status"), "Notes saved", Duration.ofSeconds(30));

            new Select(operator.driver.findElement(By.id("cc-colleague"))).selectByValue(farid.id());
            operator.click(By.id("cc-transfer"));
            colleague.waitForText(By.id("cc-status"), "Amina is transferring a call to you");
            // Farid reads her notes before they talk: the caller need not tell the story again.
            colleague.waitForText(By.id("cc-transfer-notes"), "Held at a kiln near Herat", Duration.ofSeconds(30));
            operator.waitForText(By.id("cc-status"), "You are talking to Farid");
            operator.click(By.id("cc-complete"));
            colleague.waitForText(By.id("cc-status"), "The call is yours now");
            operator.waitForText(By.id("cc-status"), "The caller is now with Farid");
            // The call, and its notes, are Farid's now; Amina is away until she is ready, her form closed.
            colleague.waitForText(By.id("state"), "On a call", Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(30)).until(() -> "Held at a kiln near Herat".equals(
                    colleague.driver.findElement(By.id("tip-summary")).getDomProperty("value")));
            operator.waitForText(By.id("state"), "Away", Duration.ofSeconds(30));
            operator.waitUntilHidden(By.id("tip"));
            // The call is Farid's now: he can bring in an interpreter himself.
            colleague.waitFor(By.cssSelector("#cc-add-interpreter:enabled"));
            assertThat(ami.members("hotline-" + callId)).contains(legs.get(0)).doesNotContain(legs.get(1));

            ami.stop();
            colleague.waitForText(By.id("cc-status"), "Call control is unavailable", Duration.ofSeconds(30));
            colleague.waitFor(By.cssSelector("#callcontrol[data-available='false'] #cc-add-interpreter:disabled"));
        }
    }

    private String takeACall(Browser operator) {
        CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall
                .builder("127.0.0.1", hotline.agiPort()).callerId(NUMBER).pressDuringMenus('1', '2')
                .build().run(CALL_LIMIT));
        operator.waitFor(By.id("offer"));
        operator.click(By.id("accept"));
        CallRecord record = call.join();
        operator.waitForText(By.id("state"), "On a call");
        return hotline.database().dsl().select(CALLS.ID).from(CALLS)
                .where(CALLS.ASTERISK_UNIQUE_ID.eq(record.uniqueId())).fetchSingle(CALLS.ID);
    }

    private List<String> auditActions(String callId, String actorId) {
        return hotline.database().dsl().select(AUDIT_EVENTS.ACTION).from(AUDIT_EVENTS)
                .where(AUDIT_EVENTS.SUBJECT_ID.eq(callId)).and(AUDIT_EVENTS.ACTOR_ID.eq(actorId))
                .orderBy(AUDIT_EVENTS.OCCURRED_AT).fetch(AUDIT_EVENTS.ACTION);
    }
}
