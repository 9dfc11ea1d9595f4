package org.hotline.core.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The connection pool as the rest of the hotline sees it. Once the database has stopped answering, every request
 * for a connection fails at once, instead of each one waiting out the pool's connection timeout: a caller's
 * journal entry, an operator's tip and a health check then fail in a moment, and a queue of them never builds up
 * behind the outage. A probe asks the database every second whether it is back; Hikari itself replaces the dead
 * connections, so recovery needs no restart.
 */
final class FailFastDataSource implements DataSource {
    /** SQL state class 08: connection exception (the database could not be reached). */
    private static final String CONNECTION_EXCEPTION = "08";
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    private static final int PROBE_VALID_SECONDS = 2;
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(FailFastDataSource.class);

    private final HikariDataSource pool;
    private final AtomicBoolean down = new AtomicBoolean();

    FailFastDataSource(HikariDataSource pool) {
        this.pool = pool;
    }

    /** False from the moment the database is found unreachable until the probe reaches it again. */
    boolean available() {
        return !down.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down.get()) {
            throw new SQLTransientConnectionException("The database is unavailable", CONNECTION_EXCEPTION + "001");
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (unreachable(e)) {
                wentDown(e);
            }
            throw e;
        }
    }

    /**
     * Hikari's timeout carries the last failure to connect (state class 08) when the database is unreachable, and
     * no cause when the pool was merely busy: a busy pool is not an outage.
     */
    private static boolean unreachable(SQLException e) {
        return e.getCause() != null || connectionFailure(e);
    }

    /** Whether the database said it could not be reached: SQL state class 08. */
    static boolean connectionFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith(CONNECTION_EXCEPTION);
    }

    private void wentDown(SQLException e) {
        if (down.compareAndSet(false, true)) {
            LOG.warn("The database is unreachable (SQL state {}); database work fails at once until it answers again",
                    e.getSQLState());
            Thread.ofVirtual().name("hotline-db-probe").start(this::probeUntilBack);
        }
    }

    private void probeUntilBack() {
        while (!pool.isClosed()) {
            try {
                Thread.sleep(PROBE_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try (Connection connection = pool.getConnection()) {
                if (connection.isValid(PROBE_VALID_SECONDS)) {
                    down.set(false);
                    LOG.info("The database answers again");
                    return;
                }
            } catch (SQLException | RuntimeException e) {
                // Still unreachable (or the pool is closing): ask again after the interval.
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The pool has its own credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
