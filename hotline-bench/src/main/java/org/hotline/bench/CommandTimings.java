package org.hotline.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Round-trip samples of single AGI commands, in nanoseconds, as the script saw them. Drained once per
 * repetition, so each repetition gets its own percentiles.
 */
final class CommandTimings {
    private long[] samples = new long[1 << 16];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    /** Percentiles of everything recorded since the last drain, then forgets it. */
    synchronized Map<String, String> drain() {
        long[] sorted = Arrays.copyOf(samples, size);
        size = 0;
        Arrays.sort(sorted);
        Map<String, String> result = new LinkedHashMap<>();
        result.put("n", String.valueOf(sorted.length));
        result.put("p50", String.valueOf(percentile(sorted, 50)));
        result.put("p99", String.valueOf(percentile(sorted, 99)));
        result.put("mean", String.valueOf(sorted.length == 0 ? 0 : Arrays.stream(sorted).sum() / sorted.length));
        return result;
    }

    /** Nearest-rank percentile; 0 when there are no samples. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
