package org.hotline.reports.render;

import java.util.List;

/**
 * Writes a table as CSV (RFC 4180, UTF-8 with CRLF line ends): its English machine headers and the cells'
 * CSV texts (times as ISO 8601 with the offset, days as ISO dates, labels in English), the same in every report
 * language so partners' scripts keep working. A cell
 * that a spreadsheet would run as a formula gets a leading apostrophe.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    public static String write(Table table) {
        StringBuilder out = new StringBuilder();
        line(out, table.csvHeaders());
        for (var row : table.rows()) {
            line(out, row.stream().map(Cell::csvText).toList());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String text) {
        String value = text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
