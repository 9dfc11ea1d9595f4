package org.hotline.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine the figures come from, printed with them: they mean little without it. */
record Machine(int cpus, long memoryBytes, String cpuModel, String jdk, String os, String loadAverage) {
    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemTotal(), readCpuModel(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                loadAverageNow());
    }

    /** The 1, 5 and 15 minute load averages now, from /proc/loadavg. */
    static String loadAverageNow() {
        return firstLine(Path.of("/proc/loadavg"));
    }

    String oneLine() {
        return String.format(Locale.ROOT, "%d CPUs (%s), %.1f GiB RAM, JDK %s, %s; load average at start %s",
                cpus, cpuModel, memoryBytes / (1024.0 * 1024 * 1024), jdk, os, loadAverage);
    }

    JsonObject toJson() {
        return new JsonObject().put("cpus", cpus).put("memoryBytes", memoryBytes).put("cpuModel", cpuModel)
                .put("jdk", jdk).put("os", os).put("loadAverageAtStart", loadAverage);
    }

    private static long readMemTotal() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static String readCpuModel() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }

    private static String firstLine(Path file) {
        List<String> lines = lines(file);
        if (lines.isEmpty()) {
            return "unknown";
        }
        // "0.52 0.58 0.59 1/345 6789": keep the three averages.
        String[] fields = lines.getFirst().split(" ");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : lines.getFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
