package org.hotline.agi.server;

import java.time.Duration;
import org.hotline.core.logging.FloodLog;
import org.slf4j.LoggerFactory;

/**
 * The warning lines for refused FastAGI connections, one per reason per {@code agi.refusal-log-interval}: the
 * first refusal of a reason is logged in full at once (the Asterisk host and the rule broken, never the content),
 * the rest counted into one line per interval. A flood of refused sockets is a handful of lines; the metric
 * {@code hotline_agi_connections_refused_total} still counts every one.
 */
final class RefusalLog implements AutoCloseable {
    private final FloodLog log;

    RefusalLog(Duration interval) {
        this.log = new FloodLog(LoggerFactory.getLogger(RefusalLog.class), "FastAGI connections refused", interval);
    }

    void refused(RefusalReason reason, String format, Object... arguments) {
        log.warn(reason.label(), format, arguments);
    }

    @Override
    public void close() {
        log.close();
    }
}
