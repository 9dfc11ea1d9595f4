package org.hotline.reports.figures;

/** A figure with the key it belongs to (a language code, an hour, a day, a partner). */
public record Keyed<K, V>(K key, V value) {
}
