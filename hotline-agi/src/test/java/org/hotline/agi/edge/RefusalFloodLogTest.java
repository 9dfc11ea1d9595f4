package org.hotline.agi.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.agi.IvrHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A flood of refused FastAGI sockets is a handful of log lines, not one per socket: the first refusal of each reason
 * is logged at once in full, then one line per {@code agi.refusal-log-interval} says how many more there were. The
 * lines are counted through a real logback appender, and their counts add up to every refused socket.
 */
class RefusalFloodLogTest {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalFloodLogTest.class);
    private static final int STRANGERS = 2_000;
    private static final int BARE = 300;
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    /** Not on the allowlist below; Linux answers on all of 127.0.0.0/8. */
    private static final String STRANGER = "127.0.0.2";
    private static final Pattern SUMMARY = Pattern.compile("([0-9]+) more FastAGI connections refused \\(([a-z-]+)\\)");

    @TempDir
    Path dataDir;

    @Test
    void twoThousandRefusedSocketsAreAHandfulOfLinesWithTheRightCounts() throws Exception {
        try (LogCapture logs = LogCapture.start();
             IvrHarness ivr = IvrHarness.start(dataDir, Map.of("agi.allowed-hosts", "127.0.0.1",
                     "agi.refusal-log-interval", INTERVAL.toMillis() + "ms"))) {
            int mark = logs.mark();
            long start = System.nanoTime();
            for (int i = 0; i < STRANGERS; i++) {
                refusedStranger(ivr.port());
            }
            for (int i = 0; i < BARE; i++) {
                RawPeer.connect(ivr.port()).close(); // no header at all: eof-in-header
            }
            Map<String, Integer> expected = Map.of("host-not-allowed", STRANGERS, "eof-in-header", BARE);
            await().atMost(Duration.ofSeconds(60)).until(() -> counted(logs.since(mark)).equals(expected));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            List<ILoggingEvent> lines = refusalLines(logs.since(mark));
            // Per reason: the first line, then at most one per interval of the flood (plus one for the tail).
            long bound = 2 * (2 + elapsed.toMillis() / INTERVAL.toMillis());
            assertThat(lines).hasSizeLessThanOrEqualTo((int) bound);
            assertThat(lines).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains(STRANGER, "agi.allowed-hosts"))
                    .allSatisfy(line -> assertThat(line).doesNotContain("agi_"));
            LOG.info("Refusal flood: {} refused sockets ({} host-not-allowed, {} eof-in-header) in {} ms gave {} "
                            + "warning lines at a {} ms interval", STRANGERS + BARE, STRANGERS, BARE,
                    elapsed.toMillis(), lines.size(), INTERVAL.toMillis());
        }
    }

    /** Reason → refusals the lines account for: one per full line, the number said on a summary line. */
    private static Map<String, Integer> counted(List<ILoggingEvent> events) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ILoggingEvent event : refusalLines(events)) {
            String text = event.getFormattedMessage();
            Matcher summary = SUMMARY.matcher(text);
            if (summary.find()) {
                counts.merge(summary.group(2), Integer.parseInt(summary.group(1)), Integer::sum);
            } else if (text.contains("not in agi.allowed-hosts")) {
                counts.merge("host-not-allowed", 1, Integer::sum);
            } else if (text.contains("closed before the end of the request header")) {
                counts.merge("eof-in-header", 1, Integer::sum);
            }
        }
        return counts;
    }

    private static List<ILoggingEvent> refusalLines(List<ILoggingEvent> events) {
        return events.stream().filter(e -> e.getLevel() == Level.WARN)
                .filter(e -> e.getLoggerName().startsWith("org.hotline.agi.server")).toList();
    }

    /** Connects from the stranger's address; the server closes it before reading (or resets the connect). */
    private static void refusedStranger(int port) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(STRANGER), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(5_000);
            socket.getInputStream().read();
        } catch (java.io.IOException closedOrReset) {
            // Either is the refusal.
        }
    }
}
