package org.hotline.reports.figures;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A figure with the key it belongs to (a language code, an hour, a day, a partner). */
public record Keyed<K, V>(K key, V value) {

    /**
     * Counts, most frequent first, then by key, "not recorded" (the null key) last among equals. Keys are compared
     * as Java strings, so H2 and PostgreSQL (whatever its collation) give the same order.
     */
    static List<Keyed<String, Long>> mostFirst(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(e -> new Keyed<>(e.getKey(), e.getValue()))
                .toList();
    }
}
