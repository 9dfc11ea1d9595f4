package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code ./scripts/test}
 * installs), with a fresh profile each time. The driver and browser are named explicitly, so Selenium Manager
 * never looks for (or downloads) anything. Public for the process-level suite in hotline-acceptance.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    public final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private boolean closed;

    public Browser(String base) {
        this(base, "en-US,en");
    }

    /** A browser whose languages are {@code acceptLanguage}, a plain list in order (e.g. {@code "ps-AF,ps,en"}). */
    public Browser(String base, String acceptLanguage) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and chromedriver are missing: run ./scripts/test, which installs the Debian packages "
                        + "chromium and chromium-driver (or apt-get install -y chromium chromium-driver)")
                .isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("hotline-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--user-data-dir=" + profile, "--lang=" + acceptLanguage.split(",")[0],
                "--accept-lang=" + acceptLanguage);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        if (!acceptLanguage.startsWith("en")) {
            // Headless Chromium sends its own Accept-Language whatever the flags say; the DevTools override is obeyed.
            String agent = (String) driver.executeScript("return navigator.userAgent");
            driver.executeCdpCommand("Network.enable", java.util.Map.of());
            driver.executeCdpCommand("Network.setUserAgentOverride",
                    java.util.Map.of("userAgent", agent, "acceptLanguage", acceptLanguage));
            driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                    java.util.Map.of("headers", java.util.Map.of("Accept-Language", acceptLanguage)));
        }
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Signs in through the form and waits for the view to be ready (its script loaded, its session read). */
    public void signIn(String username, String password, String view) {
        signIn(username, password, view, "Connected");
    }

    /** As {@link #signIn(String, String, String)}, for a person whose screen says "Connected" as {@code connected}. */
    public void signIn(String username, String password, String view, String connected) {
        open("/");
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("signin")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlToBe(base + view));
        waitFor(By.cssSelector("body[data-ready='true']"));
        waitForText(By.id("connection"), connected);
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            try {
                return ExpectedConditions.visibilityOfElementLocated(by).apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                // A page that reloads itself (a language just chosen) aborts a lookup made mid-navigation: the
                // next poll looks again on the new page. Anything else is a real failure.
                if (String.valueOf(e.getMessage()).contains("aborted by navigation")) {
                    return null;
                }
                throw e;
            }
        });
    }

    public void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public void waitForText(By by, String text, Duration within) {
        new WebDriverWait(driver, within).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public void waitUntilHidden(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    public void click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Whether a JavaScript alert is open: an XSS payload that ran would have opened one. */
    public boolean alertShown() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
