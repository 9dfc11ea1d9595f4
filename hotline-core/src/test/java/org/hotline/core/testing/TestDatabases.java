package org.hotline.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Real databases for tests, both with the real migrations: an H2 file database (the default deployment) and a
 * real PostgreSQL from embedded binaries on Maven Central (the larger deployment). Docker is not needed.
 */
public final class TestDatabases {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** The database engines every repository test runs on. */
    public enum Engine {
        H2,
        POSTGRESQL
    }

    private TestDatabases() {
    }

    /** A fresh, migrated database of the given engine; H2 lives in {@code dataDir}. */
    public static Database open(Engine engine, Path dataDir) {
        return switch (engine) {
            case H2 -> Database.open(StorageConfig.from(settings(dataDir, "")));
            case POSTGRESQL -> Database.open(StorageConfig.from(settings(dataDir, freshPostgresDatabase())));
        };
    }

    /** Settings for a test, pointing at the engine's database. */
    public static Settings settings(Engine engine, Path dataDir) {
        return settings(dataDir, engine == Engine.H2 ? "" : freshPostgresDatabase());
    }

    private static Settings settings(Path dataDir, String url) {
        return Settings.defaultSettings().with(Map.of("data.dir", dataDir.toString(), "db.url", url,
                "db.user", url.isEmpty() ? "hotline" : "postgres"));
    }

    /**
     * Runs the real migrations on {@code config}'s database up to {@code version} ("latest" for all of them), and
     * hands back a plain connection to it: for tests that write rows as an older schema knew them, then migrate.
     */
    public static DSLContext migrate(StorageConfig config, String version) {
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:db/migration").target(version).load().migrate();
        return DSL.using(config.jdbcUrl(), config.user(), config.password());
    }

    /** One PostgreSQL server per test JVM, a new database per call, so tests never see each other's rows. */
    private static synchronized String freshPostgresDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
            }
            String name = "hotline_test_" + NEXT.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
    }
}
