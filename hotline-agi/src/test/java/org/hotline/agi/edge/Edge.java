package org.hotline.agi.edge;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.UnixOperatingSystemMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Measurements the edge tests share: refusal counters, memory, file descriptors and call threads. */
final class Edge {
    /**
     * Every command line the IVR may send, as a grammar with no room for caller text: fixed words, prompt
     * paths, our own variable names and values (UUIDs, language codes, dial strings), numbers.
     */
    static final List<Pattern> COMMAND_SHAPES = List.of(
            Pattern.compile("STREAM FILE \"([a-z]{2,3}/)?hotline/[a-z0-9-]+\" \"[0-9]*\""),
            Pattern.compile("WAIT FOR DIGIT [0-9]+"),
            Pattern.compile("SET VARIABLE \"(HOTLINE_[A-Z_]+|CHANNEL\\(language\\)|AJ_AGISTATUS)\" \"[A-Za-z0-9/._-]*\""),
            Pattern.compile("SET MUSIC ON \"default\""),
            Pattern.compile("SET MUSIC OFF"),
            Pattern.compile("CHANNEL STATUS"),
            Pattern.compile("GET FULL VARIABLE \"\\$\\{[A-Z_]+}\""),
            Pattern.compile("RECORD FILE \"/[a-z/-]+/[0-9a-f-]{36}\" \"wav\" \"#\" [0-9]+ 0 BEEP s=[0-9]+"));

    private static final Pattern AGI_CALL_THREAD = Pattern.compile("\"name\": \"agi-call-[0-9]+\"");

    private Edge() {
    }

    /** The refusal counters by reason label. */
    static Map<String, Double> refusals(MeterRegistry registry) {
        Map<String, Double> byReason = new TreeMap<>();
        for (Counter counter : registry.find("hotline.agi.connections.refused").counters()) {
            byReason.put(counter.getId().getTag("reason"), counter.count());
        }
        return byReason;
    }

    /** The refusals counted between two snapshots, leaving out reasons that did not move. */
    static Map<String, Double> refusedBetween(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new TreeMap<>();
        after.forEach((reason, count) -> {
            double moved = count - before.getOrDefault(reason, 0.0);
            if (moved != 0) {
                delta.put(reason, moved);
            }
        });
        return delta;
    }

    /** Bytes allocated on the heap by every thread so far, virtual threads included (they run on carriers). */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    static long openFileDescriptors() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }

    /**
     * Live threads named {@code agi-call-*}. The server runs each call on a virtual thread, which
     * {@code Thread.getAllStackTraces} does not list; the JDK's JSON thread dump does.
     */
    static long liveAgiCallThreads() {
        try {
            Path dir = Files.createTempDirectory("thread-dump");
            Path file = dir.resolve("threads.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                Matcher names = AGI_CALL_THREAD.matcher(Files.readString(file));
                long count = 0;
                while (names.find()) {
                    count++;
                }
                return count;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a command line is one the IVR may send (see {@link #COMMAND_SHAPES}). */
    static boolean knownShape(String command) {
        return COMMAND_SHAPES.stream().anyMatch(p -> p.matcher(command).matches());
    }
}
