package org.hotline.core.logging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Warnings that can come in floods (refused sockets, throttled sign-ins), logged as one line per reason per
 * interval: the first of a reason is logged in full at once, the rest of that interval only counted, and one line
 * per interval then says how many more there were. A flood of 2,000 refusals is a handful of lines, not 2,000, and
 * a lone refusal is still logged the moment it happens. The summary line names only the reason and the count, so
 * it carries no more than the full line did (and callers pass no caller data to either).
 *
 * <p>An interval of zero logs every warning in full (the old behaviour, for tests that look at each one).
 */
public final class FloodLog implements AutoCloseable {
    /** The interval where no setting chooses one: the screen's refusals. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    /** One daemon thread for every flood log's summaries: they are rare, short and only log. */
    private static final ScheduledExecutorService SUMMARIES = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("flood-log").daemon().factory());

    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final Map<Object, Window> windows = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> ticks;

    /**
     * @param log      the logger the lines go to (the class that refuses)
     * @param what     what is counted, plural, for the summary line: "FastAGI connections refused"
     * @param interval at most one line per reason per interval; zero logs every warning
     */
    public FloodLog(Logger log, String what, Duration interval) {
        this.log = log;
        this.what = what;
        this.intervalNanos = interval.toNanos();
        long tick = Math.max(intervalNanos / 4, TimeUnit.MILLISECONDS.toNanos(50));
        this.ticks = intervalNanos == 0 ? null
                : SUMMARIES.scheduleAtFixedRate(this::summarize, tick, tick, TimeUnit.NANOSECONDS);
    }

    /**
     * A warning of {@code reason}: logged with {@code format} and {@code arguments} when it is the first of its
     * reason in the interval, otherwise counted for the interval's summary line.
     */
    public void warn(Object reason, String format, Object... arguments) {
        if (ticks == null) {
            log.warn(format, arguments);
            return;
        }
        Window window = windows.computeIfAbsent(reason, r -> new Window());
        boolean logNow;
        synchronized (window) {
            long now = System.nanoTime();
            logNow = !window.logged || (window.suppressed == 0 && now - window.lineAt >= intervalNanos);
            if (logNow) {
                window.logged = true;
                window.lineAt = now;
            } else {
                window.suppressed++;
            }
        }
        if (logNow) {
            log.warn(format, arguments);
        }
    }

    private void summarize() {
        long now = System.nanoTime();
        windows.forEach((reason, window) -> {
            long count;
            long seconds;
            synchronized (window) {
                if (window.suppressed == 0 || now - window.lineAt < intervalNanos) {
                    return;
                }
                count = window.suppressed;
                seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(now - window.lineAt));
                window.suppressed = 0;
                window.lineAt = now;
            }
            log.warn("{} more {} ({}) in the last {} s", count, what, reason, seconds);
        });
    }

    /** Stops the summaries, logging what is still counted so no refusal goes unsaid. */
    @Override
    public void close() {
        if (ticks == null) {
            return;
        }
        ticks.cancel(false);
        windows.forEach((reason, window) -> {
            long count;
            synchronized (window) {
                count = window.suppressed;
                window.suppressed = 0;
            }
            if (count > 0) {
                log.warn("{} more {} ({}) before the stop", count, what, reason);
            }
        });
    }

    /** A reason's interval: whether and when its last line was logged, and how many came since. */
    private static final class Window {
        boolean logged;
        long lineAt;
        long suppressed;
    }
}
