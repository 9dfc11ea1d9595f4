package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.OPERATORS;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.Operator;
import org.hotline.simulator.CallRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.Select;

/**
 * The screens in the staff's language, in a real Chromium against the real hotline: a Dari operator chooses Dari in
 * the header and walks a call right to left (offer, accept, the tip form, saved); the choice is stored and comes
 * back after signing out and in; a Pashto operator does the same; a Dari manager sees the floor, the tips with solar
 * Hijri dates in Afghanistan's month names, and the list of unchecked translations. On every page walked, no
 * visible text is English. The sign-in page follows the browser's Accept-Language, English by default.
 */
class ScreenLanguageBrowserTest {
    /** Visible text nodes with a Latin word in the page's language (not isolated codes, not text declared in another language). */
    private static final String LATIN_TEXT = """
            const found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const parent = node.parentElement;
              if (!parent || !/[A-Za-z]{2,}/.test(node.textContent)) continue;
              if (parent.closest('script, style, code, kbd, bdi, option')) continue;
              // Text declared in another language (a language's own name, English guidance) is so by design.
              if (parent.closest('[lang]') !== document.documentElement) continue;
              if (parent.getClientRects().length === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
              if (arguments[0].some((allowed) => node.textContent.trim() === allowed)) continue;
              found.push(node.textContent.trim());
            }
            return found;""";

    @TempDir
    Path dataDir;
    Hotline hotline;
    String base;

    @BeforeEach
    void start() {
        hotline = TestHotline.start(dataDir, Map.of("ivr.hold.poll", "100ms", "dispatch.offer-timeout", "90s"));
        base = TestHotline.screenUrl(hotline);
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    @Test
    void theSignInPageFollowsTheBrowsersLanguageWithEnglishByDefault() {
        try (Browser pashto = new Browser(base, "ps-AF,ps,en")) {
            pashto.open("/signin");
            pashto.waitFor(By.id("username"));
            assertThat(pashto.driver.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .as(() -> pashto.driver.getPageSource() + " " + pashto.driver.executeScript(
                            "return navigator.languages.join(',')")).isEqualTo("rtl");
            assertThat(pashto.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ps");
            assertThat(pashto.text(By.id("signin"))).isEqualTo("ننوتل");
            assertThat(latinText(pashto)).isEmpty();
            pashto.driver.findElement(By.id("username")).sendKeys("nobody");
            pashto.driver.findElement(By.id("password")).sendKeys("wrong password");
            pashto.click(By.id("signin"));
            pashto.waitForText(By.id("message"), "نوم یا پټنوم غلط دی.");
        }
        try (Browser english = new Browser(base, "de-DE,de")) {
            english.open("/signin");
            english.waitFor(By.id("username"));
            assertThat(english.driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("ltr");
            assertThat(english.text(By.id("signin"))).isEqualTo("Sign in");
        }
    }

    @Test
    void aDariOperatorChoosesDariWalksTheCallRightToLeftAndKeepsTheChoice() throws Exception {
        Operator amina = People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        try (Browser operator = new Browser(base)) {
            // No choice yet: English, as for everyone with an English browser.
            operator.signIn("amina", People.PASSWORD, "/operator");
            assertThat(dir(operator)).isEqualTo("ltr");
            new Select(operator.waitFor(By.id("ui-language"))).selectByValue("prs");
            operator.waitFor(By.cssSelector("html[lang='prs'][dir='rtl'] body[data-ready='true']"));
            operator.waitForText(By.id("connection"), "وصل است");
            walkTheCall(operator, "غایب", "آماده", "تماس ورودی", "ذخیرهٔ گزارش", "یادداشت‌ها ذخیره شد",
                    "گزارش ذخیره شد", "operator-dari.png");
            assertThat(storedLanguage(amina)).isEqualTo("prs");

            // Signed out and in again: still Dari.
            operator.click(By.id("signout"));
            operator.waitFor(By.id("username"));
            operator.signIn("amina", People.PASSWORD, "/operator", "وصل است");
            assertThat(dir(operator)).isEqualTo("rtl");
            assertThat(operator.text(By.id("state-title"))).isEqualTo("وضعیت من");
        }
    }

    @Test
    void aPashtoOperatorWalksTheCallInPashto() throws Exception {
        Operator gul = People.operator(hotline, "gul", "Gul", Language.DARI, "PJSIP/1001");
        new JooqOperatorDirectory(hotline.database().dsl()).setInterfaceLanguage(gul.id(), "ps");
        try (Browser operator = new Browser(base)) {
            operator.signIn("gul", People.PASSWORD, "/operator", "وصل دی");
            assertThat(dir(operator)).isEqualTo("rtl");
            assertThat(operator.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ps");
            walkTheCall(operator, "غیرحاضر", "چمتو", "راتلونکې اړیکه", "راپور خوندي کړئ", "یادښتونه خوندي شول",
                    "راپور خوندي شو", "operator-pashto.png");
        }
    }

    @Test
    void aDariManagerSeesTheFloorTipsInSolarHijriDatesAndTheUncheckedTranslations() throws Exception {
        People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
        Operator boss = People.manager(hotline, "boss");
        new JooqOperatorDirectory(hotline.database().dsl()).setInterfaceLanguage(boss.id(), "prs");
        try (Browser operator = new Browser(base)) {
            operator.signIn("amina", People.PASSWORD, "/operator");
            walkTheCall(operator, "Away", "Available", "Incoming call", "Save tip", "Notes saved", "Tip saved",
                    null);
        }
        try (Browser manager = new Browser(base)) {
            manager.signIn("boss", People.PASSWORD, "/manager", "وصل است");
            assertThat(dir(manager)).isEqualTo("rtl");
            assertThat(manager.text(By.id("wallboard-title"))).contains("سالن اکنون");
            assertThat(manager.text(By.id("nav"))).contains("سالن و گزارش‌ها").contains("ترجمه‌ها");
            manager.click(By.cssSelector("#tip-filters button[type='submit']"));
            manager.waitFor(By.cssSelector("#tips tr"));
            // Today in the hotline's zone, as ICU4J names the month for Afghanistan (Hamal, Sawr ... in Dari).
            SimpleDateFormat month = new SimpleDateFormat("MMMM", new ULocale("fa_AF@calendar=persian"));
            month.setTimeZone(TimeZone.getTimeZone("Asia/Kabul"));
            String afghanMonth = month.format(new Date());
            String when = manager.text(By.cssSelector("#tips tr td"));
            assertThat(when).as("a solar Hijri date").contains(" " + afghanMonth + " ").containsPattern("14\\d\\d");
            assertThat(latinText(manager)).as("English left on the manager's page").isEmpty();
            screenshot(manager, "manager-dari.png");

            manager.open("/translations");
            manager.waitFor(By.cssSelector("body[data-ready='true']"));
            manager.waitFor(By.cssSelector("#translations tr[data-language='prs']"));
            assertThat(manager.text(By.id("translations-title"))).isEqualTo("ترجمه‌هایی که یک خوانندهٔ بومی بررسی نکرده است");
            new Select(manager.driver.findElement(By.id("translations-language"))).selectByValue("ps");
            await().atMost(Duration.ofSeconds(15)).until(() -> manager.driver
                    .findElements(By.cssSelector("#translations tr[data-language='prs']")).isEmpty());
            assertThat(manager.driver.findElements(By.cssSelector("#translations tr[data-language='ps']"))).isNotEmpty();
        }
    }

    /**
     * Available, an offer, accept, notes written as they talk (the picture, if named, taken then), hang-up, the tip
     * saved: each label as expected, and no English left on the way unless the screen is English.
     */
    private void walkTheCall(Browser operator, String away, String available, String incoming, String saveTip,
                             String notesSaved, String tipSaved, String picture) throws Exception {
        operator.waitForText(By.id("state"), away);
        operator.click(By.id("go-available"));
        operator.waitForText(By.id("state"), available);
        CompletableFuture<CallRecord> call = PhoneCalls.dariReport(hotline, "+93700000301");
        operator.waitFor(By.id("offer"));
        assertThat(operator.text(By.id("offer-title"))).isEqualTo(incoming);
        boolean english = "en".equals(operator.driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertThat(english ? List.of() : latinText(operator)).as("English left on the offer").isEmpty();
        operator.click(By.id("accept"));
        operator.waitFor(By.id("tip-summary"));
        CallRecord record = call.get(PhoneCalls.CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(operator.driver.findElement(By.id("tip-summary")).getDomAttribute("dir")).isEqualTo("auto");
        operator.driver.findElement(By.id("tip-summary")).sendKeys("کارگر در خشت‌پزی نزدیک هرات");
        new Select(operator.waitFor(By.id("tip-contactType"))).selectByValue("substantive");
        operator.waitForText(By.id("tip-draft-status"), notesSaved, Duration.ofSeconds(30));
        assertThat(operator.text(By.id("tip-save"))).isEqualTo(saveTip);
        assertThat(english ? List.of() : latinText(operator)).as("English left during the call").isEmpty();
        if (picture != null) {
            screenshot(operator, picture);
        }
        PhoneCalls.hangUp(hotline, record);
        await().atMost(Duration.ofSeconds(30)).until(() -> operator.driver.findElement(By.id("tip-save")).isEnabled());
        new Select(operator.driver.findElement(By.id("tip-signal"))).selectByValue("tip");
        new Select(operator.driver.findElement(By.id("tip-urgency"))).selectByValue("urgent");
        new Select(operator.driver.findElement(By.id("tip-consent"))).selectByValue("share");
        operator.click(By.id("tip-save"));
        operator.waitForText(By.id("notice"), tipSaved);
    }

    private static String dir(Browser browser) {
        return browser.driver.findElement(By.tagName("html")).getDomAttribute("dir");
    }

    /** The visible Latin text on the page, other than the people's own names and the brand of the language. */
    @SuppressWarnings("unchecked")
    private static List<String> latinText(Browser browser) {
        return (List<String>) browser.driver.executeScript(LATIN_TEXT, List.of("Amina", "Gul", "Manager boss"));
    }

    private String storedLanguage(Operator who) {
        return hotline.database().dsl().select(OPERATORS.INTERFACE_LANGUAGE).from(OPERATORS)
                .where(OPERATORS.ID.eq(who.id())).fetchSingle(OPERATORS.INTERFACE_LANGUAGE);
    }

    /** The README's pictures of the screens in Dari and Pashto: taken only with -Dhotline.screenshots=true. */
    private static void screenshot(Browser browser, String name) throws java.io.IOException {
        Path docs = Path.of("..", "docs");
        if (Files.isDirectory(docs) && Boolean.getBoolean("hotline.screenshots")) {
            Files.createDirectories(docs.resolve("img"));
            var window = browser.driver.manage().window();
            var size = window.getSize();
            window.setSize(new org.openqa.selenium.Dimension(1280, 2000));
            browser.driver.executeScript("window.scrollTo(0, 0)");
            Files.write(docs.resolve("img").resolve(name), browser.driver.getScreenshotAs(OutputType.BYTES));
            window.setSize(size);
        }
    }
}
