package org.hotline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.reports.figures.Period;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The managers' report pages over real HTTP, behind a session and a stand-in for the application's
 * managers-only handler: a manager sees the list, the report with its charts, and CSV that matches the tables;
 * an operator gets 403, and nobody signed in gets 401.
 */
class WebTest {
    @TempDir
    Path dataDir;
    Database database;
    Vertx vertx;
    ReportsModule module;
    int port;

    @BeforeEach
    void start() throws Exception {
        Settings settings = TestDatabase.settings(dataDir, Map.of("report.enabled", "false",
                "report.also-languages", "prs"));
        database = TestDatabase.open(settings);
        new KnownDay().seed(new Seed(database.dsl()));
        vertx = Vertx.vertx();
        module = ReportsModule.start(settings, vertx, database, new SimpleMeterRegistry(),
                TestDatabase.at("2026-03-11T00:30:00")).toCompletionStage().toCompletableFuture().get();
        module.generator().generate(Period.day(KnownDay.DAY, Seed.KABUL), "nightly", false).orElseThrow();
        Router router = Router.router(vertx);
        router.route().handler(SessionHandler.create(LocalSessionStore.create(vertx)));
        // Stands in for the application's sign-in: the role goes into the server-side session.
        router.post("/test-sign-in/:role").handler(c -> {
            c.session().put("role", c.pathParam("role"));
            c.response().end();
        });
        module.mount(router, managersOnly());
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        module.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        database.close();
    }

    /** Like the application's: managers and admins pass, operators get 403, no session 401. */
    static Handler<RoutingContext> managersOnly() {
        return c -> {
            String role = c.session() == null ? null : c.session().get("role");
            if (role == null) {
                c.response().setStatusCode(401).end();
            } else if (!role.equals("manager") && !role.equals("admin")) {
                c.response().setStatusCode(403).end();
            } else {
                c.next();
            }
        };
    }

    @Test
    void aReportStoredInDariIsShownWithLang() throws Exception {
        WebClientSession manager = signedIn("manager");
        Document list = Jsoup.parse(get(manager, "/reports").bodyAsString());
        assertThat(list.select("#reports a.open-in")).extracting(a -> a.attr("href") + " " + a.attr("lang") + " "
                + a.attr("dir") + " " + a.text()).containsExactly("/reports/2026-03-10?lang=prs prs rtl دری");
        assertThat(get(manager, "/reports/2026-03-10/report.prs.html").statusCode()).isEqualTo(200);
        Document dari = Jsoup.parse(get(manager, "/reports/2026-03-10?lang=prs").bodyAsString());
        assertThat(dari.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(dari.title()).startsWith("گزارش خط تماس ۱۹ حوت ۱۴۰۴");
        // A language that was not stored for this report gets the main one, never an error page.
        for (String lang : List.of("ps", "xx", "../report")) {
            HttpResponse<Buffer> other = get(manager, "/reports/2026-03-10?lang=" + lang);
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(other.bodyAsString()).title()).isEqualTo("Hotline report 2026-03-10");
        }
        assertThat(get(signedIn("operator"), "/reports/2026-03-10?lang=prs").statusCode()).isEqualTo(403);
    }

    @Test
    void aManagerSeesTheListTheReportWithChartsAndMatchingCsv() throws Exception {
        WebClientSession manager = signedIn("manager");
        HttpResponse<Buffer> list = get(manager, "/reports");
        assertThat(list.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(list.bodyAsString());
        assertThat(page.select("#reports a.open")).extracting(a -> a.attr("href")).containsExactly("/reports/2026-03-10");
        assertThat(page.select("#reports tbody td").get(1).text()).isEqualTo("16");
        // Every page reaches every other: back to the floor and the follow-up; the list's times in Kabul, 24-hour.
        assertThat(page.select("nav a")).extracting(a -> a.attr("href"))
                .containsExactly("/manager", "/follow-up", "/reports");
        assertThat(page.select("#reports tbody td").get(2).text()).isEqualTo("2026-03-11 00:30");
        assertThat(page.selectFirst(".subtitle").text()).contains("Times in Asia/Kabul (UTC+04:30), 24-hour");

        HttpResponse<Buffer> report = get(manager, "/reports/2026-03-10");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.getHeader("Content-Type")).startsWith("text/html");
        String csp = report.getHeader("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'").contains("style-src 'sha256-").doesNotContain("unsafe-inline")
                .doesNotContain("script-src");
        Document html = Jsoup.parse(report.bodyAsString());
        assertThat(html.select("section.chart-section figure.chart svg")).hasSize(7);
        assertThat(csp).contains(sha256(html.selectFirst("style").data()));

        for (String table : List.of("by-language", "calls", "referral-partners")) {
            HttpResponse<Buffer> csv = get(manager, "/reports/2026-03-10/" + table + ".csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
            assertThat(csv.getHeader("Content-Disposition")).contains("attachment");
            assertThat(ReportFiles.csv(csv.bodyAsString(StandardCharsets.UTF_8.name())))
                    .isEqualTo(ReportFiles.htmlTable(html, table));
        }
        HttpResponse<Buffer> download = get(manager, "/reports/2026-03-10/report.html");
        assertThat(download.getHeader("Content-Disposition")).contains("hotline-report-2026-03-10.html");
        assertThat(download.bodyAsString()).isEqualTo(report.bodyAsString());

        HttpResponse<Buffer> zip = get(manager, "/reports/2026-03-10/csv.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(entries(zip.body().getBytes())).contains("2026-03-10/by-language.csv", "2026-03-10/calls.csv",
                "2026-03-10/targets.csv");
    }

    @Test
    void anOperatorGets403AndNobodySignedIn401() throws Exception {
        WebClientSession operator = signedIn("operator");
        for (String path : List.of("/reports", "/reports/2026-03-10", "/reports/2026-03-10/calls.csv",
                "/reports/2026-03-10/csv.zip", "/reports/2026-03-10/report.html")) {
            assertThat(get(operator, path).statusCode()).as(path).isEqualTo(403);
            assertThat(get(WebClientSession.create(client()), path).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void onlyReportFilesCanBeReached() throws Exception {
        WebClientSession admin = signedIn("admin");
        assertThat(get(admin, "/reports/2026-03-10").statusCode()).isEqualTo(200);
        for (String path : List.of("/reports/2026-03-11", "/reports/..%2Fdb.password", "/reports/2026-03-10/..%2F..%2Fdb.password",
                "/reports/2026-03-10/db.password", "/reports/2026-13-40", "/reports/2026-03-10/nothing.csv")) {
            assertThat(get(admin, path).statusCode()).as(path).isEqualTo(404);
        }
    }

    private WebClient client() {
        return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    }

    private WebClientSession signedIn(String role) throws Exception {
        WebClientSession session = WebClientSession.create(client());
        assertThat(session.post("/test-sign-in/" + role).send().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        return session;
    }

    private static HttpResponse<Buffer> get(WebClient client, String path) throws Exception {
        return client.get(path).send().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
    }
}
