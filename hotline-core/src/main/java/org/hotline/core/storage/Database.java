package org.hotline.core.storage;

import static org.hotline.core.db.Tables.CALLS;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
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

    private final StorageConfig config;

    private Database(HikariDataSource pool, SQLDialect dialect, StorageConfig config) {
        this.pool = pool;
        this.dataSource = new FailFastDataSource(pool);
        this.dsl = DSL.using(dataSource, dialect, new Settings().withExecuteLogging(false));
        this.config = config;
    }

    /** Opens the pool and migrates the schema; fails with one clear sentence when it cannot. */
    public static Database open(StorageConfig config) {
        Database database = connect(config);
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * Opens the pool without touching the schema, so start-up can look at what the database holds before it
     * migrates; fails with one clear sentence for an unsupported URL or a database that cannot be reached.
     */
    public static Database connect(StorageConfig config) {
        String password = config.password();
        if (config.embedded()) {
            DataDirectory.prepare(config.dataDir());
            if (password.isBlank()) {
                password = SecretFile.readOrCreate(config.dataDir().resolve("db.password"), 32);
            }
        }
        String url = config.jdbcUrl();
        requireDriver(url);
        return new Database(pool(config, url, password), JDBCUtils.dialect(url), config);
    }

    /** Applies the Flyway migrations (and, on H2, realigns identities); then sets the data directory owner-only. */
    public void migrate() {
        try {
            flyway().migrate();
        } catch (FlywayException e) {
            throw new StartupException("The database schema could not be migrated: " + e.getMessage(), e);
        }
        if (config.embedded()) {
            IdentityRealignment.realign(pool);
            // H2 has created its files by now, with the umask's mode.
            DataDirectory.tighten(config.dataDir());
        }
        LOG.info("Database ready ({})", config.embedded() ? "embedded H2 in " + config.dataDir() : "external");
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
    }

    /**
     * Whether the database already holds calls with caller pseudonyms, made with some pseudonym key: then a new
     * key would break every link to those callers. Safe before {@link #migrate} (the calls table and its
     * pseudonym column date from the first migration).
     */
    public boolean holdsCallerPseudonyms() {
        try {
            if (flyway().info().applied().length == 0) {
                return false;
            }
        } catch (FlywayException e) {
            throw new StartupException("The database cannot be read: " + e.getMessage(), e);
        }
        return dsl.fetchExists(CALLS, CALLS.CALLER_PSEUDONYM.isNotNull());
    }

    /**
     * The caller pseudonym of the newest call that has one, whose key id the pseudonym keys must know; empty for a
     * new database. Safe before {@link #migrate}, like {@link #holdsCallerPseudonyms}.
     */
    public java.util.Optional<String> newestCallerPseudonym() {
        if (!holdsCallerPseudonyms()) {
            return java.util.Optional.empty();
        }
        return dsl.select(CALLS.CALLER_PSEUDONYM).from(CALLS).where(CALLS.CALLER_PSEUDONYM.isNotNull())
                .orderBy(CALLS.ENTERED_AT.desc()).limit(1).fetchOptional(CALLS.CALLER_PSEUDONYM);
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
        if (config.embedded()) {
            // Whatever this process wrote (a command's report, H2's last files) is left owner-only.
            DataDirectory.tighten(config.dataDir());
        }
    }

    /** An unsupported URL would otherwise surface as the pool's stack trace. */
    private static void requireDriver(String url) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new StartupException("The database URL " + scheme(url) + "(HOTLINE_DB_URL) is not supported; use "
                    + "jdbc:postgresql://host:port/database, or leave it empty for the embedded H2 database.", e);
        }
    }

    /** {@code jdbc:postgresql:... }: the URL's scheme, which carries no host, name or credentials; or nothing. */
    private static String scheme(String url) {
        int colon = url.indexOf(':', url.indexOf(':') + 1);
        return url.startsWith("jdbc:") && colon > 0 ? url.substring(0, colon) + ":... " : "";
    }

    /** The URL without its query and any user:password@ part, for a message. */
    private static String where(String url) {
        String plain = url.split("[?;]", 2)[0];
        return plain.replaceAll("//[^/@]*@", "//");
    }

    private static StartupException cannotOpen(StorageConfig config, String url, Exception e) {
        String reason = rootMessage(e);
        if (reason.contains("already in use") || reason.contains("locked")) {
            return new StartupException("The database in " + config.dataDir()
                    + " is in use by another process; stop it or set HOTLINE_DATA_DIR to another directory.", e);
        }
        if (config.embedded()) {
            return new StartupException("The database in " + config.dataDir() + " cannot be opened (" + reason
                    + "); restore it from backup or set HOTLINE_DATA_DIR to another directory.", e);
        }
        String state = "";
        for (Throwable cause = e; cause != null && state.isEmpty(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        // SQL state class 08 is a connection exception; anything else means the server answered and said no.
        if (state.startsWith("08") || state.isEmpty()) {
            return new StartupException("The database at " + where(url) + " cannot be reached (" + reason
                    + "); start it, or correct HOTLINE_DB_URL.", e);
        }
        return new StartupException("The database at " + where(url) + " refused the connection (" + reason
                + "); check HOTLINE_DB_USER, the password and HOTLINE_DB_URL.", e);
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
        } catch (RuntimeException e) {
            // The pool's first connection failed (it logs no stack trace for that; its exception has the reason).
            throw cannotOpen(config, url, e);
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
