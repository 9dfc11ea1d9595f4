package org.hotline.agi.edge;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the test JVM, captured by a logback {@link ListAppender} on the root logger. Optionally
 * lowers the level of some loggers (for the privacy test, which checks every level), and restores them on close.
 */
final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> previousLevels = new HashMap<>();

    private LogCapture() {
        appender.setName("edge-test-capture");
        appender.start();
        root.addAppender(appender);
    }

    /** Captures what the test configuration logs (INFO and above, as in production). */
    static LogCapture start() {
        return new LogCapture();
    }

    /** Captures every level of the named loggers as well. */
    static LogCapture everyLevelOf(String... loggerNames) {
        LogCapture capture = new LogCapture();
        for (String name : loggerNames) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            capture.previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        return capture;
    }

    /** How many events so far: a mark to pass to {@link #since}. */
    int mark() {
        synchronized (appender) {
            return appender.list.size();
        }
    }

    /** The events logged since {@code mark}. */
    List<ILoggingEvent> since(int mark) {
        // AppenderBase.doAppend holds the appender's monitor while it adds to the list.
        synchronized (appender) {
            return new ArrayList<>(appender.list.subList(mark, appender.list.size()));
        }
    }

    List<ILoggingEvent> all() {
        return since(0);
    }

    /** WARN lines our own code (org.hotline) logged since {@code mark}, as text. */
    List<String> hotlineWarningsSince(int mark) {
        return since(mark).stream()
                .filter(e -> e.getLevel() == Level.WARN && e.getLoggerName().startsWith("org.hotline"))
                .map(LogCapture::text).toList();
    }

    /** ERROR lines from any logger since {@code mark}, as text. */
    List<String> errorsSince(int mark) {
        return since(mark).stream().filter(e -> e.getLevel() == Level.ERROR).map(LogCapture::text).toList();
    }

    /** Everything an event could put into a log file: message, arguments, MDC, thread, exception. */
    static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder()
                .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                .append(event.getThreadName()).append(' ').append(event.getMDCPropertyMap()).append(' ')
                .append(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            text.append(' ').append(Arrays.deepToString(event.getArgumentArray()));
        }
        if (event.getThrowableProxy() != null) {
            text.append(' ').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        previousLevels.forEach(Logger::setLevel);
    }
}
