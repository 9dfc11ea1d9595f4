package org.hotline.reports.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Report files on disk: {@code <dir>/<period id>/report.html} and one {@code <table>.csv} per table. A report is
 * written into a fresh folder and moved into place, so a reader never sees half a report. Blocking.
 */
public final class ReportStore {
    public static final String HTML = "report.html";
    private static final Pattern FILE = Pattern.compile("report(\\.[a-z]{2,3})?\\.html|[a-z0-9-]{1,60}\\.csv");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(_\\d{4}-\\d{2}-\\d{2})?");
    /** Lets spreadsheet programs see the CSV files as UTF-8 (the language names are not ASCII). */
    private static final String BOM = "\uFEFF";

    private final Path dir;

    public ReportStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** Writes (or replaces) one report's files under {@code <dir>/<periodId>}; returns that folder. */
    public Path write(String periodId, String html, Map<String, String> csvByTable) {
        return write(periodId, html, Map.of(), csvByTable);
    }

    /**
     * Writes (or replaces) one report's files, with the same report in further languages beside
     * {@code report.html} (file name to HTML, such as {@code report.prs.html}); returns the folder.
     */
    public Path write(String periodId, String html, Map<String, String> translations, Map<String, String> csvByTable) {
        requirePeriod(periodId);
        try {
            Files.createDirectories(dir);
            Path staging = dir.resolve("." + periodId + "-" + UUID.randomUUID());
            Files.createDirectory(staging);
            Files.writeString(staging.resolve(HTML), html, StandardCharsets.UTF_8);
            for (var translated : translations.entrySet()) {
                requireFile(translated.getKey());
                Files.writeString(staging.resolve(translated.getKey()), translated.getValue(), StandardCharsets.UTF_8);
            }
            for (var csv : csvByTable.entrySet()) {
                String name = csv.getKey() + ".csv";
                requireFile(name);
                Files.writeString(staging.resolve(name), BOM + csv.getValue(), StandardCharsets.UTF_8);
            }
            Path target = dir.resolve(periodId);
            Path old = null;
            if (Files.exists(target)) {
                old = dir.resolve("." + periodId + "-old-" + UUID.randomUUID());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                deleteTree(old);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + periodId + " under " + dir, e);
        }
    }

    /** A stored file of a report, if both names are valid and it exists. Nothing outside the folder is reachable. */
    public Optional<Path> file(String periodId, String name) {
        if (periodId == null || name == null || !PERIOD.matcher(periodId).matches() || !FILE.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(periodId).resolve(name).normalize();
        return file.startsWith(dir) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The CSV file names of a stored report, sorted. */
    public java.util.List<String> csvFiles(String periodId) {
        requirePeriod(periodId);
        Path folder = dir.resolve(periodId);
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requirePeriod(String periodId) {
        if (!PERIOD.matcher(periodId).matches()) {
            throw new IllegalArgumentException("not a report period: " + periodId);
        }
    }

    private static void requireFile(String name) {
        if (!FILE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a report file name: " + name);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
