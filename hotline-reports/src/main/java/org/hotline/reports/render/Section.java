package org.hotline.reports.render;

import java.util.List;

/**
 * One part of a report: a heading, at most one chart, its tables and notes on how to read them.
 *
 * @param chart null for a section of tables only
 */
public record Section(String id, String title, Chart chart, List<Table> tables, List<String> notes) {
    public Section {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }
}
