package org.hotline.reports.render;

import java.util.List;

/**
 * A table of a report: shown in the HTML and written as {@code <id>.csv} with the same cells.
 *
 * @param id      file and anchor name: lower case letters, digits and hyphens
 * @param title   the caption
 * @param headers column headings
 * @param rows    the cells, one list per row, as many as headers
 * @param csvHeaders the CSV's header line: stable English machine headers, whatever the page's language
 */
public record Table(String id, String title, List<String> headers, List<List<Cell>> rows, List<String> csvHeaders) {
    /** A table whose CSV headers are its page headers. */
    public Table(String id, String title, List<String> headers, List<List<Cell>> rows) {
        this(id, title, headers, rows, headers);
    }

    public Table {
        if (csvHeaders.size() != headers.size()) {
            throw new IllegalArgumentException("table " + id + " has " + csvHeaders.size() + " CSV headers for "
                    + headers.size() + " headers");
        }
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
        csvHeaders = List.copyOf(csvHeaders);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
