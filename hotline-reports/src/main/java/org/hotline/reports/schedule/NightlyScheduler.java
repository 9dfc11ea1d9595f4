package org.hotline.reports.schedule;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link NightlyJob} inside the hotline: once at start (catching up days missed while it was down), then
 * every night at the configured local time. The timer lives on Vert.x; the job itself runs on the given
 * executor (one virtual thread at a time), never on an event loop.
 */
public final class NightlyScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyScheduler.class);

    private final Vertx vertx;
    private final NightlyJob job;
    private final LocalTime time;
    private final ZoneId zone;
    private final Clock clock;
    private final ExecutorService executor;
    private volatile long timerId = -1;
    private volatile boolean stopped;

    public NightlyScheduler(Vertx vertx, NightlyJob job, LocalTime time, ZoneId zone, Clock clock,
                            ExecutorService executor) {
        this.vertx = vertx;
        this.job = job;
        this.time = time;
        this.zone = zone;
        this.clock = clock;
        this.executor = executor;
    }

    /** Catches up now (in the background) and schedules the first nightly run. */
    public void start() {
        submit(LocalDate.now(clock.withZone(zone)), "catch-up");
        scheduleNext();
    }

    public void stop() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** The next instant the nightly run is due, strictly after now, in the hotline's time zone. */
    public static ZonedDateTime nextRun(ZonedDateTime now, LocalTime time) {
        ZonedDateTime today = now.toLocalDate().atTime(time).atZone(now.getZone());
        return today.isAfter(now) ? today : now.toLocalDate().plusDays(1).atTime(time).atZone(now.getZone());
    }

    private void scheduleNext() {
        if (stopped) {
            return;
        }
        ZonedDateTime due = nextRun(ZonedDateTime.now(clock.withZone(zone)), time);
        long delay = Math.max(1, Duration.between(clock.instant(), due.toInstant()).toMillis());
        timerId = vertx.setTimer(delay, id -> {
            // The day to report is fixed by when the run was due, so a timer that fires a little early or late
            // still reports the day that just ended.
            submit(due.toLocalDate(), "nightly");
            scheduleNext();
        });
        LOG.info("Next nightly report at {}", due);
    }

    private void submit(LocalDate today, String requestedBy) {
        try {
            executor.execute(() -> {
                try {
                    job.run(today, requestedBy);
                } catch (RuntimeException e) {
                    LOG.error("The nightly report job failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Reports are stopping; {} run of {} skipped", requestedBy, today);
        }
    }
}
