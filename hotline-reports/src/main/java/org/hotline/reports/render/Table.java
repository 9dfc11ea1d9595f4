package org.hotline.reports.render;

import java.util.List;

/**
 * A table of a report: shown in the HTML and written as {@code <id>.csv} with the same header and cells.
 *
 * @param id      file and anchor name: lower case letters, digits and hyphens
 * @param title   the caption
 * @param headers column headings
 * @param rows    the cells, one list per row, as many as headers
 */
public record Table(String id, String title, List<String> headers, List<List<Cell>> rows) {
    public Table {
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("table id " + id);
        }
        for (List<Cell> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("table " + id + " has a row of " + row.size() + " cells for "
                        + headers.size() + " headers");
            }
        }
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
