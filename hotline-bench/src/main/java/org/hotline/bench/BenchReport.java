package org.hotline.bench;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What one benchmark measured: the rows of the shared table, notes on method (how each figure was measured and
 * anything that limits it), and the raw figures of every repetition for the JSON file.
 */
record BenchReport(String name, String title, List<Figure> figures, List<String> notes, JsonObject raw) {
}
