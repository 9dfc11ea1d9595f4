package org.hotline.reports.render;

/**
 * The links from the report pages back to the dispatch screen's pages a manager uses, so every page reaches every
 * other. Plain links: the report pages run no script.
 */
public final class Navigation {
    public static final String HTML = "<nav aria-label=\"Pages\" class=\"pages\"><ul>"
            + "<li><a href=\"/manager\">Floor and tips</a></li><li><a href=\"/follow-up\">Follow-up</a></li>"
            + "<li><a href=\"/reports\" aria-current=\"page\">Reports</a></li></ul></nav>\n";

    private Navigation() {
    }
}
