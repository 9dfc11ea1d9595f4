package org.hotline.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The one table every benchmark prints, in Markdown for people and JSON for tools. */
final class SummaryTable {
    private SummaryTable() {
    }

    static String markdown(BenchReport report, Machine machine) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(report.title()).append("\n\n");
        out.append("Machine: ").append(machine.oneLine()).append("\n\n");
        out.append("| figure | ours | same-run baseline | ratio | goal |\n");
        out.append("|---|---:|---:|---:|---|\n");
        for (Figure figure : report.figures()) {
            out.append("| ").append(cell(figure.figure()))
                    .append(" | ").append(cell(figure.ours()))
                    .append(" | ").append(cell(figure.stock()))
                    .append(" | ").append(cell(figure.ratio()))
                    .append(" | ").append(cell(figure.goal()))
                    .append(" |\n");
        }
        if (!report.notes().isEmpty()) {
            out.append('\n');
            for (String note : report.notes()) {
                out.append("- ").append(note).append('\n');
            }
        }
        return out.toString();
    }

    static JsonObject json(BenchReport report, Machine machine) {
        JsonArray rows = new JsonArray();
        for (Figure figure : report.figures()) {
            rows.add(new JsonObject().put("figure", figure.figure()).put("ours", figure.ours())
                    .put("stock", figure.stock()).put("ratio", figure.ratio()).put("goal", figure.goal()));
        }
        return new JsonObject()
                .put("benchmark", report.name())
                .put("title", report.title())
                .put("finishedAt", Instant.now().toString())
                .put("machine", machine.toJson())
                .put("table", rows)
                .put("notes", new JsonArray(report.notes()))
                .put("raw", report.raw());
    }

    /** Writes {@code <name>.md} and {@code <name>.json} into {@code dir}; returns the Markdown. */
    static String write(Path dir, BenchReport report, Machine machine) throws IOException {
        Files.createDirectories(dir);
        String markdown = markdown(report, machine);
        Files.writeString(dir.resolve(report.name() + ".md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(report.name() + ".json"), json(report, machine).encodePrettily() + "\n",
                StandardCharsets.UTF_8);
        return markdown;
    }

    /**
     * The one summary of a run of several benchmarks: every benchmark's rows in one table (benchmark, figure, ours,
     * same-run baseline, ratio, goal), each benchmark's wall time, then each one's notes on method. Writes
     * {@code summary.md} and {@code summary.json}; returns the Markdown.
     */
    static String writeSummary(Path dir, java.util.List<BenchReport> reports, java.util.List<Double> seconds,
                               double totalSeconds, boolean quick, Machine machine) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Hotline benchmarks: summary").append(quick ? " (quick)" : "").append("\n\n");
        out.append("Machine: ").append(machine.oneLine()).append("\n\n");
        out.append("Total wall time: ").append(Format.seconds(totalSeconds)).append(" (");
        for (int i = 0; i < reports.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(reports.get(i).name()).append(' ')
                    .append(Format.seconds(seconds.get(i)));
        }
        out.append(").\n\n");
        out.append("| benchmark | figure | ours | same-run baseline | ratio | goal |\n");
        out.append("|---|---|---:|---:|---:|---|\n");
        JsonArray all = new JsonArray();
        for (int i = 0; i < reports.size(); i++) {
            BenchReport report = reports.get(i);
            for (Figure figure : report.figures()) {
                out.append("| ").append(report.name())
                        .append(" | ").append(cell(figure.figure()))
                        .append(" | ").append(cell(figure.ours()))
                        .append(" | ").append(cell(figure.stock()))
                        .append(" | ").append(cell(figure.ratio()))
                        .append(" | ").append(cell(figure.goal()))
                        .append(" |\n");
            }
            all.add(json(report, machine).put("seconds", seconds.get(i)));
        }
        out.append("\nMethod and notes, per benchmark (the median of repetitions, with the range in brackets, "
                + "where a figure was repeated):\n");
        for (BenchReport report : reports) {
            out.append("\n### ").append(report.title()).append("\n\n");
            for (String note : report.notes()) {
                out.append("- ").append(note).append('\n');
            }
        }
        String markdown = out.toString();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.md"), markdown, StandardCharsets.UTF_8);
        JsonObject summary = new JsonObject().put("finishedAt", Instant.now().toString()).put("quick", quick)
                .put("totalSeconds", totalSeconds).put("machine", machine.toJson()).put("benchmarks", all);
        Files.writeString(dir.resolve("summary.json"), summary.encodePrettily() + "\n", StandardCharsets.UTF_8);
        return markdown;
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
