package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.PROMPT_RECORDINGS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.hotline.core.prompts.PromptTexts;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.NewOperator;
import org.hotline.core.security.PasswordHasher;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The prompt studio in real Chromium on the real hotline, H2 and sox: the coverage numbers, an upload through the
 * page's file input (converted and stored, awaiting review), the uploader's own approval refused, and a second Dari
 * speaker approving it with the keyboard; every step audited.
 */
class PromptStudioBrowserTest {
    private static final By DARI_COVERAGE = By.cssSelector("#coverage-rows tr[data-language='prs']");
    private static final By WELCOME = By.cssSelector("#prompts-rows tr[data-key='welcome']");

    @TempDir
    Path dataDir;
    Hotline hotline;
    String base;

    @BeforeEach
    void start() {
        hotline = TestHotline.start(dataDir, Map.of("prompts.placeholder-dir", sounds().toString()));
        base = TestHotline.screenUrl(hotline);
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    @Test
    void aManagerUploadsARecordingAndASecondDariSpeakerApprovesItWithTheKeyboard() throws Exception {
        manager("farid", "Farid");
        manager("maryam", "Maryam");
        Path recording = tone(dataDir.resolve("welcome-48k.wav"));
        int count = PromptTexts.bundled().of("prs").size();

        try (Browser farid = new Browser(base)) {
            farid.signIn("farid", People.PASSWORD, "/manager");
            farid.open("/prompts");
            farid.waitFor(DARI_COVERAGE);
            String prompts = Integer.toString(count);
            assertThat(coverage(farid)).isEqualTo(Map.of("approved", "0", "recorded", "0", "placeholder", prompts,
                    "stale", "0", "total", prompts));
            WebElement row = farid.waitFor(WELCOME);
            assertThat(row.findElement(By.cssSelector("audio")).getDomAttribute("src"))
                    .as("the placeholder plays in the browser").isEqualTo("/api/prompts/placeholder/prs/welcome");

            row.findElement(By.cssSelector("input.upload-file")).sendKeys(recording.toString());
            row.findElement(By.cssSelector("button.upload-send")).click();
            farid.waitForText(By.id("prompts-status"), "Recording of welcome stored");
            farid.waitForText(By.cssSelector("#coverage-rows tr[data-language='prs'] .coverage-recorded"), "1");
            assertThat(coverage(farid)).containsEntry("placeholder", Integer.toString(count - 1));
            row = farid.waitFor(WELCOME);
            assertThat(row.getDomAttribute("data-status")).isEqualTo("recorded");
            assertThat(row.findElement(By.cssSelector("audio")).getDomAttribute("src"))
                    .startsWith("/api/prompts/takes/");

            farid.click(By.cssSelector("#prompts-rows tr[data-key='welcome'] button.take-approve"));
            farid.waitForText(By.id("prompts-status"), "You recorded this take");
        }

        try (Browser maryam = new Browser(base)) {
            maryam.signIn("maryam", People.PASSWORD, "/manager");
            maryam.open("/prompts");
            WebElement approve = maryam.waitFor(By.cssSelector(
                    "#prompts-rows tr[data-key='welcome'] button.take-approve"));
            // Keyboard only: the button takes the focus and Enter presses it (no mouse click).
            maryam.driver.executeScript("arguments[0].focus()", approve);
            assertThat(maryam.driver.switchTo().activeElement().getText()).isEqualTo("Approve");
            maryam.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            maryam.waitForText(By.id("prompts-status"), "Recording of welcome approved");
            maryam.waitForText(By.cssSelector("#coverage-rows tr[data-language='prs'] .coverage-approved"), "1");
            assertThat(coverage(maryam)).containsEntry("recorded", "0")
                    .containsEntry("placeholder", Integer.toString(count - 1));
            assertThat(maryam.text(By.cssSelector("#prompts-rows tr[data-key='welcome'] .prompt-status")))
                    .isEqualTo("Approved recording");
        }

        var db = hotline.database().dsl();
        assertThat(db.fetchCount(PROMPT_RECORDINGS, PROMPT_RECORDINGS.STATE.eq("approved"))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("prompt-uploaded"))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("prompt-review-refused"))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("prompt-approved"))).isEqualTo(1);
    }

    @Test
    void onlyManagersUseTheStudioAndAStudioPinIsFourToEightDigitsAudited() {
        manager("farid", "Farid");
        var olga = People.operator(hotline, "olga", "Olga", Language.DARI, "PJSIP/1001");
        ScreenClient operator = new ScreenClient(hotline.httpPort());
        operator.signIn("olga", People.PASSWORD);
        assertThat(operator.get("/api/prompts").statusCode()).isEqualTo(403);
        assertThat(operator.postJson("/api/prompts/pins/" + olga.id(), "{\"pin\":\"4821\"}", true).statusCode())
                .isEqualTo(403);

        ScreenClient farid = new ScreenClient(hotline.httpPort());
        farid.signIn("farid", People.PASSWORD);
        assertThat(farid.postJson("/api/prompts/pins/" + olga.id(), "{\"pin\":\"12\"}", true).statusCode())
                .isEqualTo(400);
        var set = farid.postJson("/api/prompts/pins/" + olga.id(), "{\"pin\":\"4821\"}", true);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(new io.vertx.core.json.JsonObject(set.body()).getString("studioNumber")).isEqualTo("101");
        var db = hotline.database().dsl();
        assertThat(db.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("studio-pin-set")
                .and(AUDIT_EVENTS.SUBJECT_ID.eq(olga.id())))).isEqualTo(1);
        assertThat(db.select(org.hotline.core.db.Tables.STUDIO_PINS.PIN_HASH).from(org.hotline.core.db.Tables.STUDIO_PINS)
                .fetchOne().value1()).startsWith("$argon2id$").doesNotContain("4821");
        var coverage = new io.vertx.core.json.JsonObject(farid.get("/api/prompts").body());
        assertThat(coverage.getJsonArray("languages")).hasSize(6);
    }

    private static Map<String, String> coverage(Browser browser) {
        WebElement row = browser.driver.findElement(DARI_COVERAGE);
        return Map.of("approved", cell(row, "approved"), "recorded", cell(row, "recorded"),
                "placeholder", cell(row, "placeholder"), "stale", cell(row, "stale"), "total", cell(row, "total"));
    }

    private static String cell(WebElement row, String status) {
        return row.findElement(By.cssSelector(".coverage-" + status)).getText();
    }

    private void manager(String username, String name) {
        new JooqOperatorDirectory(hotline.database().dsl()).add(new NewOperator(username, name, Role.MANAGER,
                Set.of(Language.DARI), false, null), new PasswordHasher().hash(People.PASSWORD.toCharArray()));
    }

    /** Two seconds of a tone at 48 kHz stereo, as a studio microphone records (the hotline resamples it). */
    private static Path tone(Path out) throws Exception {
        Process sox = new ProcessBuilder("sox", "-n", "-r", "48000", "-c", "2", out.toString(), "synth", "2", "sine",
                "440", "vol", "0.5").redirectErrorStream(true).start();
        sox.getInputStream().readAllBytes();
        assertThat(sox.waitFor()).isZero();
        return out;
    }

    private static Path sounds() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("asterisk-conf"))) {
                return dir.resolve("asterisk-conf/sounds");
            }
        }
        throw new IllegalStateException("no asterisk-conf above the working directory");
    }
}
