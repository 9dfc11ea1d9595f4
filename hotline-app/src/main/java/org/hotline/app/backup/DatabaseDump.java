package org.hotline.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hotline.core.StartupException;
import org.hotline.core.storage.StorageConfig;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A consistent copy of the database while it is in use. Embedded H2: its online {@code BACKUP TO}, which copies
 * the database file as of one moment while calls keep writing. PostgreSQL: {@code pg_dump} in its custom format
 * (one snapshot), restored with {@code pg_restore}; both must be on the PATH of the one who runs it.
 */
final class DatabaseDump {
    static final String H2_ENTRY = "database/hotline.mv.db";
    static final String H2_PASSWORD_ENTRY = "database/db.password";
    static final String POSTGRES_ENTRY = "database/hotline.pgdump";
    private static final long PG_TIMEOUT_MINUTES = 60;

    private DatabaseDump() {
    }

    /** Dumps the database into {@code work}; answers entry name to file. */
    static Map<String, Path> dump(StorageConfig storage, DSLContext dsl, Path work) throws IOException {
        if (storage.embedded()) {
            Path zip = work.resolve("h2-backup.zip");
            // The path is ours (a fresh temporary folder), inlined as a quoted literal: BACKUP takes no parameter.
            dsl.execute("BACKUP TO {0}", DSL.inline(zip.toString()));
            Path file = work.resolve("hotline.mv.db");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (entry.getName().endsWith("hotline.mv.db")) {
                        Files.copy(in, file);
                    }
                }
            }
            Files.delete(zip);
            if (!Files.exists(file)) {
                throw new StartupException("The embedded database's online backup produced no database file.");
            }
            return Map.of(H2_ENTRY, file, H2_PASSWORD_ENTRY, storage.dataDir().resolve("db.password"));
        }
        Path dump = work.resolve("hotline.pgdump");
        List<String> command = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-owner", "--no-acl",
                "--file=" + dump, "--dbname=" + libpqUri(storage.url())));
        run(command, storage, "pg_dump");
        return Map.of(POSTGRES_ENTRY, dump);
    }

    /** Loads a dumped PostgreSQL database over the configured one ({@code pg_restore --clean}). */
    static void restorePostgres(StorageConfig storage, Path dump) {
        run(List.of("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-acl", "--single-transaction",
                "--dbname=" + libpqUri(storage.url()), dump.toString()), storage, "pg_restore");
    }

    /** {@code jdbc:postgresql://host:port/db?x=y} as libpq's {@code postgresql://host:port/db} (no credentials). */
    static String libpqUri(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "postgresql://" + uri.getRawAuthority() + uri.getRawPath();
    }

    private static void run(List<String> command, StorageConfig storage, String tool) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGUSER", storage.user());
        // The password goes through the environment of the child only, never its command line.
        builder.environment().put("PGPASSWORD", storage.password());
        try {
            Process process = builder.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(PG_TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new StartupException(tool + " failed: " + output.lines().findFirst().orElse("no output")
                        + "; check that the " + tool + " of the server's PostgreSQL version is installed.");
            }
        } catch (IOException e) {
            throw new StartupException(tool + " cannot be run (" + e.getMessage() + "); install the PostgreSQL "
                    + "client of the server's version (apt-get install postgresql-client).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException(tool + " was interrupted.", e);
        }
    }
}
