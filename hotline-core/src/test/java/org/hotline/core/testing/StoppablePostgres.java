package org.hotline.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL (embedded binaries, as in hotline-core's {@code TestDatabases}) that a test can stop under a
 * running hotline and start again on the same port and data directory: an outage and its end. Making H2's data
 * directory read-only would not do: CI runs as root, and root writes anyway. Used by the storage tests here and the
 * process-level fault suite in hotline-acceptance.
 */
public final class StoppablePostgres implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private StoppablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A fresh cluster in {@code dataDir} on a free port. */
    public static StoppablePostgres start(Path dataDir) {
        StoppablePostgres postgres = new StoppablePostgres(dataDir, freePort());
        postgres.startAgain();
        return postgres;
    }

    /** The hotline's settings for this database ({@code db.url}, {@code db.user}, {@code db.password}). */
    public Map<String, String> settings() {
        return Map.of("db.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "db.user", "postgres",
                "db.password", "");
    }

    /** Stops the server ({@code pg_ctl stop -m fast}: open connections are cut). The data stays. */
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    /** Starts the server on the same port and data directory, keeping every committed row. */
    public void startAgain() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /** A connection pool of the test's own, for looking at what the hotline wrote. */
    public javax.sql.DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
