package org.hotline.reports.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hotline.core.i18n.UiLanguage;
import org.hotline.reports.figures.Period;
import org.hotline.reports.render.HtmlRenderer;
import org.hotline.reports.render.ReportLanguage;
import org.hotline.reports.store.ReportRuns;
import org.hotline.reports.store.ReportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managers' report pages: {@code /reports} lists them, {@code /reports/<period>} shows one,
 * {@code ?lang=<code>} shows it in a further stored language, {@code /reports/<period>/report.html} and {@code /<table>.csv} download it, {@code /csv.zip} has every table.
 * Each route runs the given access handler first (managers and admins only). Database and file work runs on the
 * executor, never on the event loop.
 */
public final class ReportRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ReportRoutes.class);
    /** No script at all; the inline stylesheet only by its hash; inline SVG needs nothing more. */
    static final String CSP = "default-src 'none'; style-src " + HtmlRenderer.styleSource()
            + "; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Vertx vertx;
    private final ReportStore store;
    private final ReportRuns runs;
    private final ZoneId zone;
    private final Executor executor;
    private final List<UiLanguage> also;

    public ReportRoutes(Vertx vertx, ReportStore store, ReportRuns runs, ZoneId zone, Executor executor) {
        this(vertx, store, runs, zone, executor, List.of());
    }

    /** With {@code also}: the further languages reports are stored in, linked from the list as {@code ?lang=}. */
    public ReportRoutes(Vertx vertx, ReportStore store, ReportRuns runs, ZoneId zone, Executor executor,
                        List<UiLanguage> also) {
        this.also = List.copyOf(also);
        this.vertx = vertx;
        this.store = store;
        this.runs = runs;
        this.zone = zone;
        this.executor = executor;
    }

    public void mount(Router router, Handler<RoutingContext> managersOnly) {
        router.get("/reports").handler(managersOnly).handler(this::list);
        router.get("/reports/:period").handler(managersOnly).handler(this::show);
        router.get("/reports/:period/:file").handler(managersOnly).handler(this::download);
    }

    private void list(RoutingContext context) {
        blocking(() -> ListPage.render(runs.list(), zone, also)).onSuccess(page ->
                secure(context.response()).putHeader("Content-Type", "text/html; charset=utf-8").end(page))
                .onFailure(context::fail);
    }

    private void show(RoutingContext context) {
        String period = context.pathParam("period");
        if (Period.parseId(period, zone).isEmpty()) {
            notFound(context);
            return;
        }
        // ?lang=prs shows the report stored in that language (report.prs.html, see report.also-languages),
        // and the main report.html when there is none in that language.
        String lang = context.queryParams().get("lang");
        String translated = UiLanguage.byCode(lang).map(l -> ReportLanguage.of(l).fileName()).orElse(null);
        // Looking for the file touches the disk: off the event loop.
        blocking(() -> (translated == null ? Optional.<Path>empty() : store.file(period, translated))
                .or(() -> store.file(period, ReportStore.HTML))).onSuccess(file -> file.ifPresentOrElse(html ->
                        secure(context.response()).putHeader("Content-Type", "text/html; charset=utf-8")
                                .sendFile(html.toString())
                                .onFailure(e -> LOG.debug("Sending a report failed: {}", e.toString())),
                        () -> notFound(context)))
                .onFailure(context::fail);
    }

    private void download(RoutingContext context) {
        String period = context.pathParam("period");
        String name = context.pathParam("file");
        if (Period.parseId(period, zone).isEmpty()) {
            notFound(context);
            return;
        }
        if ("csv.zip".equals(name)) {
            blocking(() -> zip(period)).onSuccess(zip -> zip.ifPresentOrElse(bytes ->
                    attachment(context, "application/zip", "hotline-report-" + period + "-csv.zip")
                            .end(Buffer.buffer(bytes)), () -> notFound(context))).onFailure(context::fail);
            return;
        }
        String type = name.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/html; charset=utf-8";
        String filename = name.endsWith(".csv") ? "hotline-report-" + period + "-" + name
                : "hotline-report-" + period + ".html";
        blocking(() -> store.file(period, name)).onSuccess(file -> file.ifPresentOrElse(found ->
                        attachment(context, type, filename).sendFile(found.toString())
                                .onFailure(e -> LOG.debug("Sending a report file failed: {}", e.toString())),
                        () -> notFound(context)))
                .onFailure(context::fail);
    }

    private Optional<byte[]> zip(String period) {
        var names = store.csvFiles(period);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                Path file = store.file(period, name).orElseThrow();
                zip.putNextEntry(new ZipEntry(period + "/" + name));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(bytes.toByteArray());
    }

    private static HttpServerResponse attachment(RoutingContext context, String type, String filename) {
        return secure(context.response()).putHeader("Content-Type", type)
                .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    static HttpServerResponse secure(HttpServerResponse response) {
        return response.putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store");
    }

    private static void notFound(RoutingContext context) {
        secure(context.response()).setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("No such report.");
    }

    /** Runs blocking work on the executor and completes back on the request's own context. */
    private <T> Future<T> blocking(Callable<T> work) {
        var context = vertx.getOrCreateContext();
        io.vertx.core.Promise<T> promise = io.vertx.core.Promise.promise();
        try {
            executor.execute(() -> {
                try {
                    T result = work.call();
                    context.runOnContext(v -> promise.complete(result));
                } catch (Exception e) {
                    context.runOnContext(v -> promise.fail(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            promise.fail(e);
        }
        return promise.future();
    }
}
