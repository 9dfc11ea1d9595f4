package org.hotline.reports.web;

import java.time.ZoneId;
import java.util.List;
import org.hotline.core.i18n.UiLanguage;
import org.hotline.reports.render.Formats;
import org.hotline.reports.render.HtmlRenderer;
import org.hotline.reports.render.Navigation;
import org.hotline.reports.render.Times;
import org.hotline.reports.store.ReportRun;

/** The managers' page listing the generated reports, newest first, with links to open and download each. */
final class ListPage {
    private ListPage() {
    }

    static String render(List<ReportRun> runs, ZoneId zone) {
        return render(runs, zone, List.of());
    }

    /** With a link per further stored language beside each report's own (in that language's own name). */
    static String render(List<ReportRun> runs, ZoneId zone, List<UiLanguage> also) {
        StringBuilder out = new StringBuilder(8 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Hotline reports</title>\n<style>").append(HtmlRenderer.style())
                .append("</style>\n</head>\n<body>\n<header><h1>Hotline reports</h1>\n")
                .append(Navigation.HTML).append("<p class=\"subtitle\">")
                .append("Nightly reports of the previous local day. Times in ").append(esc(Times.zoneName(zone)))
                .append(", 24-hour. Counts under 5 are shown as &lt;5.</p></header>\n<main>\n");
        if (runs.isEmpty()) {
            out.append("<p>No report has been generated yet.</p>\n");
        } else {
            out.append("<table id=\"reports\">\n<thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Calls</th>")
                    .append("<th scope=\"col\">Generated</th><th scope=\"col\">Open</th>")
                    .append("<th scope=\"col\">Download</th></tr></thead>\n<tbody>\n");
            for (ReportRun run : runs) {
                String id = run.periodId();
                String period = run.from().equals(run.to()) ? id : run.from() + " to " + run.to();
                out.append("<tr><td>").append(esc(period)).append("</td><td class=\"num\">")
                        .append(Formats.count(run.calls())).append("</td><td>")
                        .append(esc(Times.local(run.finishedAt(), zone))).append("</td><td>")
                        .append("<a class=\"open\" href=\"/reports/").append(id).append("\">Report</a>");
                for (UiLanguage language : also) {
                    out.append(" · <a class=\"open-in\" lang=\"").append(language.code()).append("\" dir=\"")
                            .append(language.dir()).append("\" href=\"/reports/").append(id).append("?lang=")
                            .append(language.code()).append("\">").append(esc(language.nativeName())).append("</a>");
                }
                out.append("</td><td>")
                        .append("<a href=\"/reports/").append(id).append("/report.html\">HTML</a> · ")
                        .append("<a href=\"/reports/").append(id).append("/csv.zip\">CSV (zip)</a></td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
