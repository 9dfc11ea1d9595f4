package org.hotline.reports.render;

import java.util.List;

/**
 * A report ready to render: its language, its title, the line saying what it covers, its sections, and the
 * page's own words (the chart caption's note, the text of an empty table) in its language.
 */
public record ReportDocument(ReportLanguage language, String title, String subtitle, List<Section> sections,
                             String chartNote, String none) {
    public ReportDocument {
        sections = List.copyOf(sections);
    }

    public List<Table> tables() {
        return sections.stream().flatMap(s -> s.tables().stream()).toList();
    }
}
