package org.hotline.reports.render;

import org.hotline.core.text.Html;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Writes a report as one self-contained HTML file: its stylesheet inline (allowed by hash in the page's CSP),
 * its charts as inline SVG, no script, no external resource. Every text is escaped.
 */
public final class HtmlRenderer {
    private static final String STYLE = loadStyle();

    /** The CSP source that allows the report's inline stylesheet and nothing else: {@code 'sha256-...'}. */
    public static String styleSource() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report stylesheet, for other report pages that use it inline under the same CSP hash. */
    public static String style() {
        return STYLE;
    }

    public String render(ReportDocument document) {
        StringBuilder out = new StringBuilder(64 * 1024);
        var language = document.language().language();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(language.code()).append("\" dir=\"")
                .append(language.dir()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(document.title())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n<h1>")
                .append(escape(document.title())).append("</h1>\n<p class=\"subtitle\">")
                .append(escape(document.subtitle())).append("</p>\n<nav><ul>");
        for (Section section : document.sections()) {
            out.append("<li><a href=\"#").append(section.id()).append("\">").append(escape(section.title()))
                    .append("</a></li>");
        }
        out.append("</ul></nav>\n</header>\n<main>\n");
        for (Section section : document.sections()) {
            section(out, section, document);
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder out, Section section, ReportDocument document) {
        out.append("<section id=\"").append(section.id()).append("\" class=\"")
                .append(section.chart() == null ? "tables" : "chart-section").append("\">\n<h2>")
                .append(escape(section.title())).append("</h2>\n");
        if (section.chart() != null) {
            // A chart keeps its axes left to right in every language (its value axis grows rightwards, as in
            // Afghan print too); its labels are in the report's language, and the caption follows the page.
            out.append("<figure class=\"chart\" data-chart=\"").append(section.chart().id()).append("\">\n")
                    .append("<div dir=\"ltr\" class=\"chart-drawing\">")
                    .append(ChartRenderer.svg(section.chart(), document.language()))
                    .append("</div>\n<figcaption>").append(escape(section.title())).append(" (")
                    .append(escape(document.chartNote())).append(")</figcaption>\n</figure>\n");
        }
        boolean rtl = document.language().language().rightToLeft();
        for (Table table : section.tables()) {
            table(out, table, rtl, document.none());
        }
        for (String note : section.notes()) {
            out.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
        out.append("</section>\n");
    }

    private static void table(StringBuilder out, Table table, boolean rtl, String none) {
        out.append("<div class=\"table-wrap\"><table id=\"table-").append(table.id()).append("\" data-csv=\"")
                .append(table.id()).append(".csv\">\n<caption>").append(escape(table.title()))
                .append("</caption>\n<thead><tr>");
        for (String header : table.headers()) {
            out.append("<th scope=\"col\">").append(escape(header)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        if (table.rows().isEmpty()) {
            out.append("<tr><td colspan=\"").append(table.headers().size()).append("\">").append(escape(none)).append("</td></tr>\n");
        }
        for (var row : table.rows()) {
            out.append("<tr>");
            for (Cell cell : row) {
                out.append(cell.numeric() ? "<td class=\"num\">" : "<td>");
                if (cell.lang() != null) {
                    // Dari, Pashto and Urdu names run right to left; the span keeps them from disturbing the row.
                    out.append("<span lang=\"").append(escape(cell.lang())).append("\" dir=\"")
                            .append(cell.rtl() ? "rtl" : "ltr").append("\">").append(escape(cell.text()))
                            .append("</span>");
                } else if (rtl && (cell.numeric() || cell.ltr())) {
                    // Figures, times and codes keep their own order inside right-to-left text ("<5", "12.5 %").
                    out.append("<bdi dir=\"ltr\">").append(escape(cell.text())).append("</bdi>");
                } else {
                    out.append(escape(cell.text()));
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    static String escape(String text) {
        return Html.escape(text);
    }

    private static String loadStyle() {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read report.css", e);
        }
    }
}
