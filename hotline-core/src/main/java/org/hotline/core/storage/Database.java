package org.hotline.core.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hotline.core.StartupException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a connection pool, the Flyway migrations applied at open, and a jOOQ {@link DSLContext}.
 * Blocking by nature, so callers use it from worker or virtual threads, never from an event loop.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final FailFastDataSource dataSource;
    private final DSLContext dsl;

    private Database(HikariDataSource pool, SQLDialect dialect) {
        this.pool = pool;
        this.dataSource = new FailFastDataSource(pool);
        this.dsl = DSL.using(dataSource, dialect, new Settings().withExecuteLogging(false));
    }

    /** Opens the pool and migrates the schema; fails with one clear sentence when it cannot. */
    public static Database open(StorageConfig config) {
        String password = config.password();
        if (config.embedded()) {
            prepareDataDir(config.dataDir());
            if (password.isBlank()) {
                password = SecretFile.readOrCreate(config.dataDir().resolve("db.password"), 32);
            }
        }
        String url = config.jdbcUrl();
        HikariDataSource dataSource = pool(config, url, password);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new StartupException("The database schema could not be migrated: " + e.getMessage(), e);
        }
        if (config.embedded()) {
            IdentityRealignment.realign(dataSource);
        }
        LOG.info("Database ready ({})", config.embedded() ? "embedded H2 in " + config.dataDir() : "external");
        return new Database(dataSource, JDBCUtils.dialect(url));
    }

    public DSLContext dsl() {
        return dsl;
    }

    /**
     * A quick round trip, for health checks. Blocking, but answers at once while the database is known to be down
     * (work on it then fails at once too, until a probe reaches it again; no restart is needed).
     */
    public boolean isReachable() {
        if (!dataSource.available()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static HikariDataSource pool(StorageConfig config, String url, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("hotline-db");
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.user());
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setConnectionTimeout(5_000);
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            String reason = rootMessage(e);
            if (reason.contains("already in use") || reason.contains("locked")) {
                throw new StartupException("The database in " + config.dataDir()
                        + " is in use by another process; stop it or set HOTLINE_DATA_DIR to another directory.", e);
            }
            throw new StartupException("The database cannot be opened: " + reason, e);
        }
    }

    private static void prepareDataDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new StartupException("The data directory " + dir
                    + " is not writable; fix its permissions or set HOTLINE_DATA_DIR to a writable directory.", e);
        } catch (IOException e) {
            throw new StartupException("The data directory " + dir + " cannot be used (" + e.getMessage()
                    + "); set HOTLINE_DATA_DIR to a writable directory.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }
}
