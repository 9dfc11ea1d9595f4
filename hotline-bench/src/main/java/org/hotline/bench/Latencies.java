package org.hotline.bench;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a set of latency samples in nanoseconds (nearest-rank), for the dispatch and e2e tables. */
record Latencies(int count, double p50, double p99, double max) {
    static final Latencies NONE = new Latencies(0, Double.NaN, Double.NaN, Double.NaN);

    static Latencies of(Collection<Long> nanos) {
        if (nanos.isEmpty()) {
            return NONE;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    JsonObject toJson() {
        return new JsonObject().put("count", count).put("p50Millis", p50 / 1e6).put("p99Millis", p99 / 1e6)
                .put("maxMillis", max / 1e6);
    }

    static String millis(double nanos) {
        return Double.isFinite(nanos) ? String.format(java.util.Locale.ROOT, "%,.1f ms", nanos / 1e6) : "n/a";
    }
}
