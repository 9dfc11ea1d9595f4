package org.hotline.reports;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.reports.retention.RetentionConfig;
import org.hotline.reports.render.ReportLanguage;
import org.hotline.reports.retention.RetentionPurge;
import org.hotline.reports.schedule.NightlyJob;
import org.hotline.reports.schedule.NightlyScheduler;
import org.hotline.reports.web.ReportRoutes;

/**
 * Reports, assembled: the nightly job (reports of the previous local day, catch-up of missed days, the retention
 * purge) and the managers' report pages, which the application mounts on its HTTP server behind its own
 * sign-in check.
 */
public final class ReportsModule implements AutoCloseable {
    private final ReportConfig config;
    private final ReportGenerator generator;
    private final NightlyScheduler scheduler;
    private final ExecutorService jobs;
    private final ExecutorService requests;
    private final ReportRoutes routes;

    private ReportsModule(Vertx vertx, ReportConfig config, ReportGenerator generator, NightlyJob job, Clock clock) {
        this.config = config;
        this.generator = generator;
        // One report job at a time, on a virtual thread; page requests get their own threads so they never wait
        // behind a long nightly run.
        this.jobs = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("reports-job").factory());
        this.requests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("reports-web-", 0).factory());
        this.scheduler = new NightlyScheduler(vertx, job, config.time(), config.zone(), clock, jobs);
        this.routes = new ReportRoutes(vertx, generator.store(), generator.runs(), config.zone(), requests,
                config.also().stream().map(ReportLanguage::language).toList());
    }

    /**
     * Reads the report and retention settings, checks that the report folder is writable, and (when
     * {@code report.enabled}) starts the nightly job, whose first run catches up missed days in the background.
     * The future fails with a {@link StartupException} on a bad setting or an unwritable folder.
     */
    public static Future<ReportsModule> start(Settings settings, Vertx vertx, Database database,
                                              MeterRegistry registry) {
        return start(settings, vertx, database, registry, Clock.systemUTC());
    }

    static Future<ReportsModule> start(Settings settings, Vertx vertx, Database database, MeterRegistry registry,
                                       Clock clock) {
        ReportConfig config;
        RetentionConfig retention;
        try {
            config = ReportConfig.from(settings);
            retention = RetentionConfig.from(settings);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return vertx.executeBlocking(() -> {
            try {
                Files.createDirectories(config.dir());
            } catch (IOException e) {
                throw new StartupException("The report folder " + config.dir() + " cannot be created (" + e.getMessage()
                        + "); set HOTLINE_REPORT_DIR to a writable folder.", e);
            }
            if (!Files.isWritable(config.dir())) {
                throw new StartupException("The report folder " + config.dir() + " is not writable; fix its "
                        + "permissions or set HOTLINE_REPORT_DIR.");
            }
            ReportGenerator generator = new ReportGenerator(database.dsl(), config, clock, registry);
            RetentionPurge purge = new RetentionPurge(database.dsl(), retention, config.zone(), clock);
            NightlyJob job = new NightlyJob(database.dsl(), generator, purge, config.zone(), config.catchUpDays());
            ReportsModule module = new ReportsModule(vertx, config, generator, job, clock);
            if (config.enabled()) {
                module.scheduler.start();
            }
            return module;
        }, false);
    }

    /**
     * Adds the report pages to the application's router: {@code /reports} and below. {@code managersOnly} runs
     * first on every route; it must let only signed-in managers and admins through (operators get 403).
     */
    public void mount(Router router, Handler<RoutingContext> managersOnly) {
        routes.mount(router, managersOnly);
    }

    public ReportGenerator generator() {
        return generator;
    }

    public ReportConfig config() {
        return config;
    }

    /** Stops the nightly timer and lets a running report finish (up to 30 s) before the database closes. */
    @Override
    public void close() {
        scheduler.stop();
        jobs.shutdown();
        requests.shutdown();
        try {
            if (!jobs.awaitTermination(30, TimeUnit.SECONDS)) {
                jobs.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobs.shutdownNow();
        }
    }
}
