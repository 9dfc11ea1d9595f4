package org.hotline.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.ROUTING_LEASE;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hotline.core.config.Settings;
import org.hotline.core.lease.LeaseFence;
import org.hotline.core.lease.RoutingLeaseTable;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two dispatch nodes' lease keepers on one real H2 file database (the real migrations). Node A's connections go
 * through a data source the test can cut, as a network split between A and the database would: A must stop routing
 * by itself before B can take the lease, and never may both route at once.
 */
class RoutingLeaseKeeperTest {
    private static final LeaseTiming QUICK = new LeaseTiming(Duration.ofMillis(200), Duration.ofMillis(800),
            Duration.ofMillis(1500));

    @TempDir
    Path dir;
    private Database database;
    private StorageConfig storage;
    private final List<RoutingLeaseKeeper> keepers = new ArrayList<>();
    /** How many nodes route right now, and the most that ever did at once. */
    private final AtomicInteger routing = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        storage = StorageConfig.from(Settings.defaultSettings().with(Map.of("data.dir", dir.toString())));
        database = Database.open(storage);
    }

    @AfterEach
    void close() {
        keepers.forEach(RoutingLeaseKeeper::close);
        database.close();
    }

    @Test
    void aNodeCutOffFromTheDatabaseStopsRoutingBeforeAnotherTakesTheLeaseAndNeverBothRoute() {
        AtomicBoolean cut = new AtomicBoolean();
        RoutingLeaseKeeper a = keeper("node-a", new RoutingLeaseTable(DSL.using(cuttable(cut), SQLDialect.H2)),
                new Node("a", 0));
        await().atMost(Duration.ofSeconds(30)).until(a::owns);
        RoutingLeaseKeeper b = keeper("node-b", new RoutingLeaseTable(database.dsl()), new Node("b", 0));

        cut.set(true);
        await().atMost(Duration.ofSeconds(60)).until(b::owns);
        assertThat(a.owns()).isFalse();
        assertThat(events).containsSubsequence("a took", "a released", "b took");
        assertThat(mostAtOnce).as("nodes routing at once").hasValue(1);
        var lease = new RoutingLeaseTable(database.dsl()).current().orElseThrow();
        assertThat(lease.holder()).isEqualTo("node-b");
        assertThat(lease.token()).isEqualTo(2);

        // Healed: B keeps renewing, so A stands by.
        cut.set(false);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> b.owns() && !a.owns());
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void aFailedTakeoverIsHandedBackAndRetriedUntilRoutingStarts() {
        Node flaky = new Node("a", 1);
        RoutingLeaseKeeper a = keeper("node-a", new RoutingLeaseTable(database.dsl()), flaky);
        await().atMost(Duration.ofSeconds(60)).until(a::owns);
        assertThat(flaky.takes).hasValue(2);
        assertThat(events).containsExactly("a take failed", "a released", "a took");
        // The failed attempt handed its lease back; the retry took a new one with a larger token.
        assertThat(database.dsl().fetchValue(ROUTING_LEASE.TOKEN)).isEqualTo(2L);
    }

    @Test
    void anOwnerWhoseLeaseWasTakenStandsDownAtItsNextRenewal() {
        RoutingLeaseKeeper a = keeper("node-a", new RoutingLeaseTable(database.dsl()), new Node("a", 0));
        await().atMost(Duration.ofSeconds(30)).until(a::owns);
        // As if another node had taken it while A was paused past the timeout.
        database.dsl().update(ROUTING_LEASE).set(ROUTING_LEASE.TOKEN, ROUTING_LEASE.TOKEN.plus(1))
                .set(ROUTING_LEASE.HOLDER, "node-b")
                .set(ROUTING_LEASE.EXPIRES_AT, java.time.OffsetDateTime.now().plusHours(1)).execute();
        await().atMost(Duration.ofSeconds(30)).until(() -> !a.owns() && events.contains("a released"));
        assertThat(routing).hasValue(0);
    }

    private RoutingLeaseKeeper keeper(String name, RoutingLeaseTable table, Node node) {
        RoutingLeaseKeeper keeper = new RoutingLeaseKeeper(table, new LeaseFence(), name, QUICK, node,
                new SimpleMeterRegistry()).start();
        keepers.add(keeper);
        return keeper;
    }

    /** A node's routing: counts who routes at once; its first {@code failures} takes fail to start. */
    private final class Node implements RoutingLeaseKeeper.Routing {
        private final String name;
        private final AtomicInteger failuresLeft;
        private final AtomicBoolean routes = new AtomicBoolean();
        final AtomicInteger takes = new AtomicInteger();

        Node(String name, int failures) {
            this.name = name;
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public CompletionStage<Void> take() {
            takes.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                events.add(name + " take failed");
                return CompletableFuture.failedFuture(new IllegalStateException("routing could not deploy"));
            }
            if (routes.compareAndSet(false, true)) {
                mostAtOnce.accumulateAndGet(routing.incrementAndGet(), Math::max);
            }
            events.add(name + " took");
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void release() {
            if (routes.compareAndSet(true, false)) {
                routing.decrementAndGet();
            }
            events.add(name + " released");
        }
    }

    /** The same database through connections the test can refuse, as a cut network would. */
    private DataSource cuttable(AtomicBoolean cut) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                if (cut.get()) {
                    throw new SQLTransientConnectionException("the test cut this node off from the database");
                }
                // The embedded database's password is the one Database.open made in the data directory.
                return DriverManager.getConnection(storage.jdbcUrl(), storage.user(),
                        org.hotline.core.storage.SecretFile.read(dir.resolve("db.password"), 32));
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
