package org.hotline.acceptance.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.Staff;
import org.hotline.app.screen.ScreenClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every response of the packaged hotline carries the security headers, whoever asks and whatever the answer:
 * pages, static files, JSON, reports, {@code /health}, {@code /metrics} (now a 404 here: it is on the management port), redirects and errors (401, 403, 404,
 * 405). Every response is {@code no-store}, one rule for all that leaves no route to forget, except the static files
 * and the fixed pages: they hold no tip data (that comes through the API and the bridge) and are cached by content
 * hash or revalidated. Over plain HTTP there is no HSTS and no cookie is {@code Secure} ({@link TlsListenerTest} has
 * the other side).
 */
class SecurityHeadersTest {
    /** Yesterday's report, which the first start's catch-up generates. */
    private static final String DAY = LocalDate.now(ZoneId.of("Asia/Kabul")).minusDays(1).toString();

    @TempDir
    Path dir;

    @Test
    void everyRouteAnswersWithTheSecurityHeaders() {
        Path data = dir.resolve("data");
        Staff.operator(data, "ana", "prs", "PJSIP/1001");
        Staff.manager(data, "meena");
        try (HotlineProcess hotline = HotlineProcess.start(data, "hotline", Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> hotline.output().contains("Report " + DAY + " generated"));
            Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
            ScreenClient anonymous = new ScreenClient(hotline.httpPort());
            for (String path : List.of("/", "/signin", "/health", "/metrics", "/operator", "/manager", "/api/session",
                    "/api/tips", "/reports", "/reports/" + DAY, "/static/bus.js", "/static/style.css",
                    "/static/operator.js", "/no-such-page", "/static/no-such-file.js", "/eventbus/info",
                    "/eventbus/websocket", "/signout")) {
                responses.put("anonymous GET " + path, anonymous.get(path));
            }
            responses.put("anonymous POST /signin without token", anonymous.postForm("/signin",
                    Map.of("username", "ana", "password", "wrong"), false));
            responses.put("anonymous DELETE /health", raw(hotline, "DELETE", "/health"));
            responses.put("anonymous PUT /signin", raw(hotline, "PUT", "/signin"));
            responses.put("anonymous wrong password", anonymous.postForm("/signin",
                    Map.of("username", "ana", "password", "wrong"), true));

            ScreenClient operator = new ScreenClient(hotline.httpPort());
            responses.put("operator sign-in", operator.signIn("ana", Staff.PASSWORD));
            for (String path : List.of("/", "/operator", "/manager", "/api/session", "/api/tip-options", "/api/tips",
                    "/api/tips/" + UUID.randomUUID(), "/api/partners?q=shelter", "/api/voicemails", "/reports",
                    "/reports/" + DAY)) {
                responses.put("operator GET " + path, operator.get(path));
            }
            responses.put("operator POST /api/tips invalid", operator.postJson("/api/tips", "{}", true));
            responses.put("operator POST /api/tips without token", operator.postJson("/api/tips", "{}", false));

            ScreenClient manager = new ScreenClient(hotline.httpPort());
            responses.put("manager sign-in", manager.signIn("meena", Staff.PASSWORD));
            for (String path : List.of("/manager", "/api/session", "/api/tips", "/reports", "/reports/" + DAY,
                    "/reports/" + DAY + "/report.html", "/reports/" + DAY + "/csv.zip", "/reports/1999-99-99",
                    "/reports/" + DAY + "/../../db.password")) {
                responses.put("manager GET " + path, manager.get(path));
            }
            responses.put("manager sign-out", manager.postForm("/signout", Map.of(), true));

            List<String> missing = new ArrayList<>();
            responses.forEach((what, response) -> missing.addAll(missingHeaders(what, response.statusCode(),
                    response.headers(), response.uri().getScheme().equals("http"))));
            // Requests the router never sees: Vert.x answers them itself.
            Map<String, RawResponse> malformed = Map.of(
                    "a 10,000-character URI", RawResponse.of(hotline.httpPort(),
                            "GET /" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: a\r\n\r\n"),
                    "a 20,000-byte header", RawResponse.of(hotline.httpPort(),
                            "GET / HTTP/1.1\r\nHost: a\r\nX-Junk: " + "y".repeat(20_000) + "\r\n\r\n"),
                    "not HTTP at all", RawResponse.of(hotline.httpPort(), "BLAH\r\n\r\n"));
            malformed.forEach((what, response) -> missing.addAll(missingHeaders(what, response.status(),
                    response.headers(), true)));
            assertThat(missing).isEmpty();
            assertThat(malformed.values().stream().map(RawResponse::status)).containsExactlyInAnyOrder(400, 414, 431);
            assertThat(responses.values().stream().map(HttpResponse::statusCode).distinct())
                    .as("the walk reaches pages, redirects and every kind of refusal")
                    .contains(200, 303, 401, 403, 404, 405);
        }
    }

    /** What is wrong with one response's headers, as readable lines. */
    static List<String> missingHeaders(String what, int status, HttpHeaders headers, boolean plainHttp) {
        List<String> wrong = new ArrayList<>();
        String where = what + " (" + status + "): ";
        String csp = headers.firstValue("Content-Security-Policy").orElse("");
        if (!csp.contains("frame-ancestors 'none'") || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")
                || !(csp.contains("default-src 'self'") || csp.contains("default-src 'none'"))) {
            wrong.add(where + "Content-Security-Policy '" + csp + "'");
        }
        expect(wrong, where, headers, "X-Content-Type-Options", "nosniff");
        expect(wrong, where, headers, "Referrer-Policy", "no-referrer");
        // Static files and the fixed pages are cached by content hash or revalidated (README "Static files"):
        // they hold no tip data. The SockJS handler sends a longer no-store of its own; anything that still says
        // no-store is right.
        boolean revalidated = status == 200 && (what.contains(" /static/") || what.endsWith(" /operator")
                || what.endsWith(" /manager"));
        if (revalidated) {
            if (headers.allValues("Cache-Control").stream().noneMatch(v -> v.contains("no-cache")
                    || v.contains("immutable"))) {
                wrong.add(where + "Cache-Control " + headers.allValues("Cache-Control"));
            }
        } else if (headers.allValues("Cache-Control").stream().noneMatch(v -> v.contains("no-store"))) {
            wrong.add(where + "Cache-Control " + headers.allValues("Cache-Control"));
        }
        if (plainHttp) {
            headers.firstValue("Strict-Transport-Security").ifPresent(h -> wrong.add(where + "HSTS over HTTP"));
            headers.allValues("Set-Cookie").stream().filter(c -> c.toLowerCase().contains("secure"))
                    .forEach(c -> wrong.add(where + "Secure cookie over HTTP: " + c));
        }
        return wrong;
    }

    private static void expect(List<String> wrong, String where, HttpHeaders headers, String header, String value) {
        List<String> values = headers.allValues(header);
        if (values.size() != 1 || !values.getFirst().equals(value)) {
            wrong.add(where + header + " " + values);
        }
    }

    /** A method no browser form sends, straight from a script. */
    private static HttpResponse<String> raw(HotlineProcess hotline, String method, String path) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(hotline.baseUrl() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
