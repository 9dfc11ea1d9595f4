package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The screen's static files are cached by content hash and compressed: a second load of the operator's screen in
 * Chromium asks the server for no script at all (counted by the server itself), the page refers to its scripts by
 * hashed URLs that are {@code immutable}, and files and pages come gzipped when the browser asks, while the API's
 * answers do not (BREACH).
 */
class StaticCachingBrowserTest {
    private static final Pattern JS_REQUESTS = Pattern.compile(
            "(?m)^hotline_screen_static_requests_total\\{.*type=\"js\".*} ([0-9.E]+)$");

    @TempDir
    Path dataDir;

    @Test
    void aSecondLoadOfTheScreenFetchesNoScriptFromTheServer() throws Exception {
        try (Hotline hotline = TestHotline.start(dataDir, Map.of());
             HttpClient http = HttpClient.newHttpClient()) {
            People.operator(hotline, "amina", "Amina", Language.DARI, "PJSIP/1001");
            String base = TestHotline.screenUrl(hotline);
            try (Browser browser = new Browser(base)) {
                browser.signIn("amina", People.PASSWORD, "/operator");
                double first = scriptRequests(http, hotline);
                assertThat(first).as("the first load fetches the screen's modules").isGreaterThan(3);

                browser.open("/");
                browser.waitFor(By.cssSelector("body[data-ready='true']"));
                browser.waitForText(By.id("connection"), "Connected");
                assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/operator");
                assertThat(scriptRequests(http, hotline)).as("the second load asks for no script").isEqualTo(first);
            }

            ScreenClient operator = new ScreenClient(hotline.httpPort());
            operator.signIn("amina", People.PASSWORD);
            HttpResponse<String> page = operator.get("/operator");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
            Matcher script = Pattern.compile("src=\"(/static/operator\\.js\\?v=[0-9a-f]{16})\"").matcher(page.body());
            assertThat(script.find()).as(page.body()).isTrue();

            HttpResponse<byte[]> gzipped = gzipGet(http, base + script.group(1));
            assertThat(gzipped.statusCode()).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(gzipped.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(gunzip(gzipped.body())).as("its imports are hashed too")
                    .containsPattern("from './dom\\.js\\?v=[0-9a-f]{16}'");
            assertThat(gzipGet(http, base + "/signin").headers().firstValue("Content-Encoding"))
                    .as("the sign-in form holds a CSRF token: never compressed").isNotEqualTo(java.util.Optional.of("gzip"));
            assertThat(gzipGet(http, base + "/static/operator.js").headers().firstValue("Cache-Control"))
                    .as("an unversioned URL is revalidated").hasValue("no-cache");
        }
    }

    private static double scriptRequests(HttpClient http, Hotline hotline) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.managementPort()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher count = JS_REQUESTS.matcher(metrics);
        assertThat(count.find()).as(metrics).isTrue();
        return Double.parseDouble(count.group(1));
    }

    private static HttpResponse<byte[]> gzipGet(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
