package org.hotline.acceptance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code path of the packaged hotline can update or delete audit rows, except the retention purge of audit rows
 * past their age. Read from the bytecode that actually runs ({@code hotline.jar} and our modules' jars beside
 * it), method by method: a method that reads the {@code AUDIT_EVENTS} table and calls a jOOQ update, delete,
 * truncate or merge, any use of an audit row's updatable record ({@code store}, {@code update}, {@code delete}),
 * and any SQL text or migration that updates, deletes or truncates {@code audit_events}. The one permitted method
 * is the purge's own (whose age limit {@link AuditTrailTest} and hotline-reports' {@code PurgeTest} prove); the
 * scan must find it, which shows it can see what it looks for. The source-level twin is hotline-dispatch's
 * {@code AuditAppendOnlyTest}.
 */
class AuditWritesTest {
    private static final Set<String> WRITES = Set.of("update", "delete", "deleteFrom", "truncate", "truncateTable",
            "mergeInto", "batchUpdate", "batchDelete", "batchStore", "batchMerge", "executeUpdate", "executeDelete");
    private static final Set<String> RECORD_WRITES = Set.of("store", "update", "delete", "merge", "insert", "attach");
    /** Row changes and dropping the table; ALTER TABLE (how the migrations grew it) changes no row. */
    private static final Pattern SQL = Pattern.compile("(?is)\\b(update|delete\\s+from|truncate(\\s+table)?|merge\\s+into"
            + "|drop\\s+table(\\s+if\\s+exists)?)\\s+(\"?public\"?\\.)?\"?audit_events\"?\\b");
    private static final String PERMITTED = "org/hotline/reports/retention/RetentionPurge.lambda$auditEvents$";

    @Test
    void onlyTheRetentionPurgeDeletesAuditRowsAndNothingUpdatesThem() throws IOException {
        List<String> writers = new ArrayList<>();
        for (Path jar : ourJars()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().endsWith(".class")) {
                        writers.addAll(writersIn(ClassFile.of().parse(read(file, entry))));
                    } else if (entry.getName().endsWith(".sql")) {
                        String sql = new String(read(file, entry), StandardCharsets.UTF_8);
                        if (SQL.matcher(sql).find()) {
                            writers.add(jar.getFileName() + "!" + entry.getName());
                        }
                    }
                }
            }
        }
        assertThat(writers).as("code that updates or deletes audit rows").singleElement()
                .satisfies(writer -> assertThat(writer).startsWith(PERMITTED));
    }

    /** Methods of one class that write audit rows, as {@code class.method}. */
    private static List<String> writersIn(ClassModel model) {
        List<String> found = new ArrayList<>();
        String owner = model.thisClass().asInternalName();
        for (MethodModel method : model.methods()) {
            CodeModel code = method.code().orElse(null);
            if (code == null) {
                continue;
            }
            boolean audit = false;
            boolean write = false;
            boolean record = false;
            for (var element : code) {
                if (element instanceof FieldInstruction field && field.name().equalsString("AUDIT_EVENTS")) {
                    audit = true;
                } else if (element instanceof InvokeInstruction invoke) {
                    String target = invoke.owner().asInternalName();
                    String name = invoke.name().stringValue();
                    write |= target.startsWith("org/jooq/") && WRITES.contains(name);
                    record |= target.endsWith("/AuditEventsRecord") && RECORD_WRITES.contains(name);
                }
            }
            if (audit && write || record) {
                found.add(owner + "." + method.methodName().stringValue());
            }
        }
        for (var entry : model.constantPool()) {
            if (entry instanceof StringEntry text && SQL.matcher(text.stringValue()).find()) {
                found.add(owner + " (SQL text)");
            }
        }
        return found;
    }

    /** hotline.jar and our modules' jars in its lib/ (the generated jOOQ classes are in hotline-core's). */
    private static List<Path> ourJars() throws IOException {
        Path jar = Path.of(System.getProperty("hotline.jar", "../hotline-app/target/hotline.jar"));
        try (Stream<Path> lib = Files.list(jar.resolveSibling("lib"))) {
            List<Path> jars = new ArrayList<>(lib.filter(p -> p.getFileName().toString().startsWith("hotline-"))
                    .toList());
            jars.add(jar);
            assertThat(jars).as("the packaged jars").hasSizeGreaterThanOrEqualTo(5);
            return jars;
        }
    }

    private static byte[] read(JarFile file, JarEntry entry) {
        try (InputStream in = file.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
