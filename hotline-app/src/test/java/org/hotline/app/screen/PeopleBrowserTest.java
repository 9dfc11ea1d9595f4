package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.hotline.core.config.Settings;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.Operator;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * People administration in a real Chromium against the running hotline (H2): an admin adds an operator with the
 * keyboard, with a password made and shown once, and changes their languages; the operator signs in with it in
 * another browser and comes on the floor; a call in their new language is offered to them; the admin disables them,
 * and at once their screen is signed out (the bridge socket closes, the page goes to sign-in, and so does the next
 * page load) and the call is offered to the other operator.
 */
class PeopleBrowserTest {
    @TempDir
    Path dataDir;

    @Test
    void anAdminAddsAnOperatorEditsTheirLanguagesAndDisablingThemSignsThemOutAndHandsOnTheirCall() {
        Settings settings = Settings.defaultSettings().with(Map.of("data.dir", dataDir.toString(), "agi.port", "0",
                "http.port", "0", "management.port", "0", "ivr.menu.timeout", "200ms", "ivr.hold.poll", "50ms",
                "dispatch.offer-timeout", "60s", "ivr.voicemail.dir", dataDir.resolve("voicemail").toString()));
        try (Hotline hotline = Hotline.start(settings)) {
            String base = "http://127.0.0.1:" + hotline.httpPort();
            var dsl = hotline.database().dsl();
            People.admin(hotline, "ada");
            Operator second = People.operator(hotline, "second", "Second", Language.URDU, "PJSIP/1016");
            try (Browser admin = new Browser(base); Browser first = new Browser(base);
                 Browser staying = new Browser(base)) {
                admin.signIn("ada", People.PASSWORD, "/manager");
                admin.click(By.cssSelector("#nav a[href='/people']"));
                admin.waitFor(By.cssSelector("#people-list tr[data-username='ada']"));

                // Added with the keyboard: typed, Tab to the next field, Space on a language, Enter to add.
                admin.waitFor(By.id("add-username")).sendKeys("first", Keys.TAB, "First Operator");
                admin.driver.findElement(By.id("add-lang-prs")).sendKeys(Keys.SPACE);
                admin.driver.findElement(By.id("add-endpoint")).sendKeys("PJSIP/1006", Keys.ENTER);
                admin.waitFor(By.id("made-password"));
                String password = admin.text(By.id("made-password-value"));
                assertThat(password).hasSize(16);
                admin.waitFor(By.cssSelector("#people-list tr[data-username='first']"));

                // Their languages changed: Dari off, Urdu on.
                admin.driver.findElement(By.cssSelector("#made-password-done")).sendKeys(Keys.ENTER);
                admin.driver.findElement(By.cssSelector("#people-list tr[data-username='first'] .person-edit"))
                        .sendKeys(Keys.ENTER);
                admin.waitFor(By.id("person-edit"));
                admin.driver.findElement(By.id("edit-lang-prs")).sendKeys(Keys.SPACE);
                admin.driver.findElement(By.id("edit-lang-ur")).sendKeys(Keys.SPACE);
                admin.driver.findElement(By.id("edit-endpoint")).sendKeys(Keys.ENTER);
                admin.waitForText(By.id("person-edit-status"), "Saved.");
                Operator added = new JooqOperatorDirectory(dsl).byUsername("first").orElseThrow();
                assertThat(added.languages()).containsExactly(Language.URDU);

                // The first to be available is offered first.
                first.signIn("first", password, "/operator");
                first.click(By.id("go-available"));
                first.waitForText(By.id("state"), "Available");
                staying.signIn("second", People.PASSWORD, "/operator");
                staying.click(By.id("go-available"));
                staying.waitForText(By.id("state"), "Available");

                CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall
                        .builder("127.0.0.1", hotline.agiPort()).callerId("+923001234567").pressDuringMenus('6', '3')
                        .build().run(Duration.ofSeconds(60)));
                first.waitFor(By.id("offer"));

                long disabledAt = System.nanoTime();
                admin.driver.findElement(By.id("person-disable")).sendKeys(Keys.ENTER);
                admin.waitForText(By.id("person-edit-status"), "Disabled and signed out.");

                // The operator's screen: its socket closed, it asked who is signed in, and was sent to sign in.
                new WebDriverWait(first.driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(base + "/signin"));
                staying.waitFor(By.id("offer"));
                assertThat(Duration.ofNanos(System.nanoTime() - disabledAt)).isLessThan(Duration.ofSeconds(15));
                first.open("/operator");
                new WebDriverWait(first.driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(base + "/signin"));

                staying.click(By.id("accept"));
                assertThat(call.join().variable("HOTLINE_TARGET")).contains(second.endpoint());
                staying.waitForText(By.id("state"), "On a call");
            }
            for (String action : new String[] {"person-added", "person-edited", "person-disabled"}) {
                assertThat(dsl.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq(action))).as(action).isOne();
            }
        }
    }
}
