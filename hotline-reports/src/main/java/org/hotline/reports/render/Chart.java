package org.hotline.reports.render;

import java.util.List;

/**
 * A bar chart of counts. Values under 5 are drawn as no bar, labelled "<5", like every exported count.
 *
 * @param id         anchor and SVG id
 * @param valueLabel the value axis label
 * @param categories the bars' labels, in order
 * @param series     one or more series, each with one value per category
 * @param horizontal bars across (for long category names)
 */
public record Chart(String id, String valueLabel, List<String> categories, List<Series> series, boolean horizontal) {

    /** @param name the legend entry; @param values raw counts, one per category */
    public record Series(String name, List<Long> values) {
    }

    public Chart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("chart " + id + ": series " + s.name() + " has "
                        + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }
}
