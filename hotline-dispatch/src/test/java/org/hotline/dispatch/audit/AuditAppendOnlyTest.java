package org.hotline.dispatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit trail and the addenda of tips are append-only in practice: nothing in the application's sources (every module's
 * {@code src/main}, migrations included) updates or deletes its rows, through the jOOQ DSL, through its updatable
 * records, or in SQL. The one exception the rules allow is the retention purge, which lives in a package named
 * {@code retention} and audits its own work. Tests may seed and inspect audit rows; hotline-acceptance's
 * {@code AuditWritesTest} checks the packaged bytecode as well.
 */
class AuditAppendOnlyTest {
    private static final List<Pattern> WRITES = List.of(
            // jOOQ DSL: update(AUDIT_EVENTS), deleteFrom(AUDIT_EVENTS), delete(AUDIT_EVENTS), truncate(...),
            // also qualified (Tables.AUDIT_EVENTS) or aliased with "as".
            Pattern.compile("\\b(update|deleteFrom|delete|truncate|truncateTable|mergeInto)\\s*\\(\\s*"
                    + "(Tables\\s*\\.\\s*)?(AUDIT_EVENTS|TIP_ADDENDA)\\b"),
            // Updatable records of the table: store(), update(), delete() on them would rewrite history.
            Pattern.compile("\\b(AuditEventsRecord|TipAddendaRecord)\\b"),
            // Plain SQL, in Java strings or migrations.
            Pattern.compile("(?i)\\bupdate\\s+(\"?public\"?\\.)?\"?(audit_events|tip_addenda)\"?\\b"),
            Pattern.compile("(?i)\\bdelete\\s+from\\s+(\"?public\"?\\.)?\"?(audit_events|tip_addenda)\"?\\b"),
            Pattern.compile("(?i)\\btruncate\\s+(table\\s+)?(\"?public\"?\\.)?\"?(audit_events|tip_addenda)\"?\\b"),
            Pattern.compile("(?i)\\bdrop\\s+table\\s+(if\\s+exists\\s+)?(\"?public\"?\\.)?\"?(audit_events|tip_addenda)\"?\\b"));

    @Test
    void nothingUpdatesOrDeletesAuditRows() throws IOException {
        Path root = repositoryRoot();
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")
                            || f.toString().endsWith(".kt"))
                    .filter(f -> !excluded(root.relativize(f)))
                    .forEach(f -> offences.addAll(scan(root, f)));
        }
        assertThat(offences).as("updates or deletes of audit_events outside the retention purge").isEmpty();
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        String offending = String.join("\n",
                "dsl.update(AUDIT_EVENTS).set(AUDIT_EVENTS.ACTION, \"x\").execute();",
                "dsl.deleteFrom(Tables.AUDIT_EVENTS).execute();",
                "AuditEventsRecord r = dsl.fetchOne(AUDIT_EVENTS); r.delete();",
                "dsl.execute(\"DELETE FROM audit_events\");",
                "UPDATE audit_events SET action = 'x';",
                "TRUNCATE TABLE audit_events;",
                "dsl.update(TIP_ADDENDA).set(TIP_ADDENDA.BODY, \"x\").execute();");
        long found = offending.lines().filter(line -> WRITES.stream().anyMatch(p -> p.matcher(line).find())).count();
        assertThat(found).isEqualTo(7);
        assertThat(WRITES.stream().anyMatch(p -> p.matcher("dsl.insertInto(AUDIT_EVENTS)").find())).isFalse();
        assertThat(WRITES.stream().anyMatch(p -> p.matcher("ALTER TABLE audit_events ADD COLUMN x INT;").find()))
                .isFalse();
    }

    private static List<String> scan(Path root, Path file) {
        List<String> found = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern pattern : WRITES) {
                    Matcher matcher = pattern.matcher(lines.get(i));
                    if (matcher.find()) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /**
     * Everything but application sources: tests, build output (generated jOOQ classes included), version control,
     * local Maven repositories; and the retention purge.
     */
    private static boolean excluded(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("test") || name.equals("target") || name.startsWith(".") || name.equals("node_modules")
                    || name.equals("retention")) {
                return true;
            }
        }
        return false;
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("hotline.repo.root");
        Path start = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("hotline-core")) && Files.isDirectory(dir.resolve("hotline-dispatch"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + start);
    }
}
