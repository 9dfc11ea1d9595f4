package org.hotline.app.run;

import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.hotline.agi.AgiModule;
import org.hotline.agi.pseudonym.PseudonymKeyFile;
import org.hotline.app.backup.Backups;
import org.hotline.app.cluster.ClusterConfig;
import org.hotline.app.cluster.ClusterVertx;
import org.hotline.app.cluster.ClusterVertx.ClusterMember;
import org.hotline.app.cluster.Role;
import org.hotline.app.cluster.RoutingElection;
import org.hotline.app.http.HealthCheck;
import org.hotline.app.keys.PseudonymKeyRotation;
import org.hotline.app.http.HttpConfig;
import org.hotline.app.http.HttpServerVerticle;
import org.hotline.app.http.ManagementConfig;
import org.hotline.app.http.ManagementServerVerticle;
import org.hotline.callcontrol.CallControlModule;
import org.hotline.callcontrol.EscalationStore;
import org.hotline.core.StartupException;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.lease.LeaseFence;
import org.hotline.core.lease.RoutingFence;
import org.hotline.core.lease.RoutingLeaseTable;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.DataDirectory;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.dispatch.DispatchModule;
import org.hotline.dispatch.screen.PageRefusal;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.callcontrol.CallControlAudit;
import org.hotline.dispatch.callcontrol.CallOwnership;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.screen.SignedIn;
import org.hotline.reports.ReportsModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole hotline in one process: database, event bus, FastAGI server and HTTP server. Tests start it
 * in-process on free ports; {@code ./scripts/run} starts it from the command line.
 */
public final class Hotline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hotline.class);
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final Database database;
    private final Vertx vertx;
    private final AgiModule agi;
    private final DispatchModule dispatch;
    private final ReportsModule reports;
    private final HttpServerVerticle http;
    private final ManagementServerVerticle management;
    private final PrometheusMeterRegistry registry;
    private final AutoCloseable privateData;
    private final Backups backups;
    private final RoutingElection election;

    private Hotline(Database database, AutoCloseable privateData, Vertx vertx, AgiModule agi, DispatchModule dispatch,
                    ReportsModule reports, HttpServerVerticle http, ManagementServerVerticle management,
                    PrometheusMeterRegistry registry, Backups backups, RoutingElection election) {
        this.election = election;
        this.database = database;
        this.backups = backups;
        this.privateData = privateData;
        this.vertx = vertx;
        this.agi = agi;
        this.dispatch = dispatch;
        this.reports = reports;
        this.http = http;
        this.management = management;
        this.registry = registry;
    }

    /**
     * Starts what this process's roles ask for (everything by default), or fails with a {@link StartupException}
     * after undoing what had started. In a cluster it joins first; dispatch then stands by until elected.
     *
     * <p>The order matters: first everything that needs no database ({@link StartupChecks}: every setting, the
     * data directory, the ports, the key files), so a mistake stops the start before anything is written; then the
     * database is connected, the pseudonym key checked against what it holds, and the schema migrated; only then
     * do the features start (dispatch, the IVR with its step-log replay, the reports' catch-up and purge, the HTTP
     * server).
     */
    public static Hotline start(Settings settings) {
        StorageConfig storage = StorageConfig.from(settings);
        HttpConfig httpConfig = HttpConfig.from(settings);
        ManagementConfig managementConfig = ManagementConfig.from(settings);
        ClusterConfig cluster = ClusterConfig.from(settings);
        StartupChecks.check(settings, storage, httpConfig, cluster);
        PrometheusMeterRegistry registry = Metrics.create();
        // disk_free_bytes{path="<data dir>"}: what the operator watches (README "What to monitor").
        new DiskSpaceMetrics(storage.dataDir().toFile()).bindTo(registry);
        Database database = openDatabase(settings, storage, cluster);
        AutoCloseable privateData = DataDirectory.keepPrivate(storage.dataDir());
        ClusterMember member;
        try {
            member = vertx(cluster, registry);
        } catch (RuntimeException e) {
            closeQuietly(privateData);
            database.close();
            throw e;
        }
        Vertx vertx = member.vertx();
        AgiModule agi = null;
        DispatchModule dispatch = null;
        ReportsModule reports = null;
        Backups backups = null;
        RoutingElection election = null;
        try {
            // The admin socket (online backups on request) and, next to the reports, the nightly backup.
            backups = Backups.start(settings, vertx, database, cluster.runs(Role.REPORTS));
            // In a cluster, routing's writes carry the routing lease's fencing token (RoutingElection).
            LeaseFence fence = new LeaseFence();
            JooqCallJournal journal = new JooqCallJournal(database.dsl(), cluster.node(),
                    cluster.clustered() ? fence : RoutingFence.NONE);
            if (cluster.runs(Role.DISPATCH)) {
                dispatch = cluster.clustered()
                        ? DispatchModule.standBy(settings, vertx, database, journal, registry, fence)
                        : await(DispatchModule.start(settings, vertx, database, journal, registry), "dispatch");
            }
            if (dispatch != null && !cluster.clustered()) {
                startCallControl(settings, vertx, database, dispatch);
            }
            // The IVR before the reports: it first stores what a killed predecessor logged, and closes the calls
            // that run left, so the reports' catch-up counts them.
            if (cluster.runs(Role.AGI)) {
                // Old pseudonym keys whose overlap ended are destroyed before the IVR takes a call, then daily.
                PseudonymKeyRotation pseudonymKeys = new PseudonymKeyRotation(settings, database, Clock.systemUTC());
                pseudonymKeys.destroyExpired();
                agi = AgiModule.start(settings, vertx, journal, registry, database.dsl());
                pseudonymKeys.follow(vertx, agi.pseudonymizer()::use);
                backups.adminSocket().answer(PseudonymKeyRotation.ADMIN_COMMAND, pseudonymKeys::rotateOnRequest);
            }
            if (cluster.runs(Role.REPORTS)) {
                reports = await(ReportsModule.start(settings, vertx, database, registry), "reports");
            }
            AgiModule running = agi;
            ManagementServerVerticle management = new ManagementServerVerticle(managementConfig,
                    new HealthCheck(database::isReachable, () -> running == null || running.port() > 0), registry);
            await(vertx.deployVerticle(management), "the management server on " + managementConfig.host() + ":"
                    + managementConfig.port() + " (HOTLINE_MANAGEMENT_PORT)");
            HttpServerVerticle http = new HttpServerVerticle(httpConfig, screens(dispatch, reports));
            await(vertx.deployVerticle(http), "the HTTP server on " + httpConfig.bind() + ":" + httpConfig.port());
            if (member.hazelcast() != null && dispatch != null) {
                election = RoutingElection.follow(member.hazelcast(), dispatch, journal,
                        settings.duration("ivr.hold.max"), new RoutingLeaseTable(database.dsl()), fence,
                        cluster.lease(), cluster.node(), registry);
            }
            Hotline hotline = new Hotline(database, privateData, vertx, agi, dispatch, reports, http, management,
                    registry, backups, election);
            LOG.info("Hotline ready: FastAGI on {}:{}, HTTP on {}://{}:{}/health, management on http://{}:{}/metrics, "
                            + "data in {}, roles {}{}",
                    settings.string("agi.bind"), hotline.agiPort(), httpConfig.https() ? "https" : "http",
                    httpConfig.bind(), http.port(), managementConfig.host(), management.port(),
                    storage.embedded() ? storage.dataDir() : "an external database", Role.codes(cluster.roles()),
                    cluster.clustered() ? ", cluster " + cluster.name() : "");
            return hotline;
        } catch (RuntimeException e) {
            if (agi != null) {
                agi.stop(Duration.ZERO);
            }
            if (election != null) {
                election.close();
            }
            if (dispatch != null) {
                dispatch.close();
            }
            if (reports != null) {
                reports.close();
            }
            if (backups != null) {
                backups.close();
            }
            vertx.close();
            closeQuietly(privateData);
            database.close();
            throw e;
        }
    }

    /**
     * Connects, checks the pseudonym key against what the database holds (a missing key next to pseudonymized
     * calls stops the start; a new database gets a new key), then migrates.
     */
    private static Database openDatabase(Settings settings, StorageConfig storage, ClusterConfig cluster) {
        Database database = Database.connect(storage);
        try {
            if (cluster.runs(Role.AGI)) {
                PseudonymKeyFile.prepare(PseudonymKeyFile.location(settings), database.newestCallerPseudonym());
            }
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Call control (AMI) beside routing, and the audit of what it reports. One process only: in a cluster it is
     * not started yet (it would have to follow the routing election), and screens say call control is unavailable.
     */
    private static void startCallControl(Settings settings, Vertx vertx, Database database, DispatchModule dispatch) {
        OperatorDirectory directory = dispatch.directory();
        Executor blocking = Executors.newVirtualThreadPerTaskExecutor();
        new CallControlAudit(new JooqAuditTrail(database.dsl()), directory, blocking, Clock.systemUTC())
                .listen(vertx);
        new CallOwnership(database.dsl(), blocking).listen(vertx);
        await(CallControlModule.start(settings, vertx, endpoint -> directory.all().stream()
                .filter(o -> endpoint.equals(o.endpoint())).map(Operator::id).findFirst(),
                new EscalationStore(database.dsl())), "call control");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Could not stop {}: {}", closeable, e.toString());
        }
    }

    /** The HTTP routes beyond /health: the dispatch screen first (it installs the session, CSRF and
     * security handlers), then the reports pages, which need its sign-in. */
    private static List<Consumer<Router>> screens(DispatchModule dispatch, ReportsModule reports) {
        List<Consumer<Router>> mounts = new ArrayList<>();
        if (dispatch != null) {
            mounts.add(dispatch::mount);
            if (reports != null) {
                // A page opened in the browser: an operator gets a readable refusal, not a blank 403.
                mounts.add(router -> reports.mount(router, PageRefusal.require("the reports",
                        org.hotline.dispatch.operators.Role.MANAGER, org.hotline.dispatch.operators.Role.ADMIN)));
            }
        }
        return mounts;
    }

    private static ClusterMember vertx(ClusterConfig cluster, PrometheusMeterRegistry registry) {
        VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
        VertxBuilder builder = Vertx.builder().withMetrics(new MicrometerMetricsFactory(registry));
        if (!cluster.clustered()) {
            return new ClusterMember(builder.with(options).build(), null);
        }
        return await(ClusterVertx.join(cluster, options, builder), "the cluster member on " + cluster.bind() + ":"
                + cluster.port() + " (HOTLINE_CLUSTER_PORT)");
    }

    /** The FastAGI port, or 0 when this process does not run the agi role. */
    public int agiPort() {
        return agi == null ? 0 : agi.port();
    }

    public int httpPort() {
        return http.port();
    }

    /** The management port actually bound: {@code /metrics} and the detailed {@code /health}. */
    public int managementPort() {
        return management.port();
    }

    public Vertx vertx() {
        return vertx;
    }

    public Database database() {
        return database;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** FastAGI connections open now. */
    public int openAgiConnections() {
        return agi == null ? 0 : agi.openConnections();
    }

    /**
     * Stops accepting calls, lets calls in progress finish their current step, stops the HTTP server and the
     * event bus, and closes the database last so every record is written.
     */
    @Override
    public void close() {
        LOG.info("Hotline stopping");
        if (agi != null) {
            agi.stop(DRAIN);
        }
        if (election != null) {
            // Stops routing here and hands the lease back, so another dispatch node takes over at once.
            election.close();
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The event bus did not stop cleanly: {}", e.toString());
        }
        if (dispatch != null) {
            dispatch.close();
        }
        if (reports != null) {
            reports.close();
        }
        backups.close();
        closeQuietly(privateData);
        database.close();
        LOG.info("Hotline stopped");
    }

    private static <T> T await(io.vertx.core.Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.BindException || String.valueOf(cause.getMessage()).contains("in use")) {
                throw new StartupException("Cannot start " + what + ": the port is already in use; stop the other "
                        + "process or set HOTLINE_HTTP_PORT.", cause);
            }
            throw new StartupException("Cannot start " + what + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new StartupException("Cannot start " + what + ": it did not start within 30 s.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while starting " + what + ".", e);
        }
    }
}
