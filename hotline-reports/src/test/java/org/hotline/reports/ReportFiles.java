package org.hotline.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads reports back the way a person would see them: the HTML tables' cell texts, and CSV files parsed. */
final class ReportFiles {
    private ReportFiles() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Header row then body rows, as the text of each cell. */
    static List<List<String>> htmlTable(Document html, String id) {
        Element table = html.getElementById("table-" + id);
        if (table == null) {
            throw new AssertionError("no table " + id);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(table.select("thead th").eachText());
        for (Element row : table.select("tbody tr")) {
            if (row.select("td[colspan]").isEmpty()) {
                rows.add(row.select("td").stream().map(Element::wholeText).toList());
            }
        }
        return rows;
    }

    /** RFC 4180 CSV, as written by the reports (optional UTF-8 byte order mark, CRLF, quoted fields). */
    static List<List<String>> csv(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
