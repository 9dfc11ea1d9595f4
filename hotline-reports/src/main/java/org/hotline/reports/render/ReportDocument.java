package org.hotline.reports.render;

import java.util.List;

/**
 * A report ready to render: its title, the line saying what it covers, and its sections.
 */
public record ReportDocument(String title, String subtitle, List<Section> sections) {
    public ReportDocument {
        sections = List.copyOf(sections);
    }

    public List<Table> tables() {
        return sections.stream().flatMap(s -> s.tables().stream()).toList();
    }
}
