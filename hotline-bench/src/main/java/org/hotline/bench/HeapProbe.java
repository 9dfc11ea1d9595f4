package org.hotline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server JVM costs right now: heap in use after full collections, resident memory, platform threads
 * and CPU time. Run inside the server JVM, so the figures are that server's alone.
 */
final class HeapProbe {
    private static final int COLLECTIONS = 3;

    private HeapProbe() {
    }

    /** Collects garbage, then measures. Several collections, because one may leave work for the next. */
    static Map<String, String> afterGc() throws InterruptedException {
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("heap", String.valueOf(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
        figures.put("rss", String.valueOf(residentBytes()));
        figures.put("threads", String.valueOf(ManagementFactory.getThreadMXBean().getThreadCount()));
        figures.put("cpu", String.valueOf(cpuNanos()));
        return figures;
    }

    /** CPU time this JVM has used so far, in nanoseconds; -1 when the platform does not say. */
    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** VmRSS from /proc (Linux); -1 elsewhere. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
