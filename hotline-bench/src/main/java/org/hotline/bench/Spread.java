package org.hotline.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * One figure over the repetitions: the median, because the machine is shared and a single run can be unlucky,
 * and the range, so the reader sees how noisy it was.
 */
record Spread(double median, double min, double max, List<Double> values) {
    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.getFirst(), sorted.getLast(), List.copyOf(values));
    }

    /** "median (min–max)", or just the median when every run agreed. */
    String format(DoubleFunction<String> number) {
        if (values.isEmpty()) {
            return "n/a";
        }
        String median = number.apply(this.median);
        String low = number.apply(min);
        String high = number.apply(max);
        return low.equals(high) ? median : median + " (" + low + "–" + high + ")";
    }

    JsonObject toJson() {
        return new JsonObject().put("median", median).put("min", min).put("max", max)
                .put("runs", new JsonArray(List.copyOf(values)));
    }
}
