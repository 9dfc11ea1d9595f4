package org.hotline.core.storage;

import java.nio.file.Path;
import org.hotline.core.config.Settings;

/**
 * Where the data lives and how to reach the database.
 *
 * @param dataDir   directory for the embedded database and generated secrets
 * @param url       JDBC URL; blank means embedded H2 under {@code dataDir}
 * @param user      database user
 * @param password  database password; blank means a generated one for embedded H2
 * @param poolSize  maximum pooled connections
 */
public record StorageConfig(Path dataDir, String url, String user, String password, int poolSize) {

    public static StorageConfig from(Settings settings) {
        return new StorageConfig(settings.path("data.dir").toAbsolutePath().normalize(), settings.string("db.url"),
                settings.string("db.user"), password(settings), settings.integer("db.pool-size"));
    }

    /** {@code db.password}, or else the first line of {@code db.password-file}, so no secret need sit in the env. */
    private static String password(Settings settings) {
        String password = settings.string("db.password");
        String file = settings.string("db.password-file");
        if (!password.isBlank() || file.isBlank()) {
            return password;
        }
        try {
            return java.nio.file.Files.readAllLines(Path.of(file)).stream().findFirst().orElse("").strip();
        } catch (java.io.IOException e) {
            throw new org.hotline.core.StartupException("Cannot read the database password file " + file
                    + " (HOTLINE_DB_PASSWORD_FILE): " + e.getMessage(), e);
        }
    }

    /** True when the database is the embedded H2 file database. */
    public boolean embedded() {
        return url.isBlank() || url.startsWith("jdbc:h2:");
    }

    /**
     * The JDBC URL to open. Embedded H2 runs in PostgreSQL mode with lower-case names (the generated jOOQ
     * classes quote lower-case names) and WRITE_DELAY=0, so an acknowledged commit survives {@code kill -9}.
     */
    public String jdbcUrl() {
        if (!url.isBlank()) {
            return url;
        }
        return "jdbc:h2:file:" + dataDir.resolve("hotline") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }
}
