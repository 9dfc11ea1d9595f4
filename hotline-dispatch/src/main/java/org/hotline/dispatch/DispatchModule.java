package org.hotline.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.core.call.CallJournal;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.routing.RoutingConfig;
import org.hotline.dispatch.routing.RoutingVerticle;

/**
 * Dispatch, assembled: the routing verticle that owns the queue, and the HTTP routes of the dispatch screen,
 * which the application mounts on its HTTP server.
 */
public final class DispatchModule implements AutoCloseable {
    private final Vertx vertx;
    private final Settings settings;
    private final Database database;
    private final CallJournal journal;
    private final OperatorDirectory directory;
    private final MeterRegistry registry;
    private final ExecutorService blocking;
    private String routingDeployment;

    private DispatchModule(Vertx vertx, Settings settings, Database database, CallJournal journal,
                           MeterRegistry registry) {
        this.vertx = vertx;
        this.settings = settings;
        this.database = database;
        this.journal = journal;
        this.directory = new JooqOperatorDirectory(database.dsl());
        this.registry = registry;
        this.blocking = Executors.newVirtualThreadPerTaskExecutor();
    }

    /** Deploys routing; the future fails if it cannot start. */
    public static Future<DispatchModule> start(Settings settings, Vertx vertx, Database database, CallJournal journal,
                                               MeterRegistry registry) {
        DispatchModule module = new DispatchModule(vertx, settings, database, journal, registry);
        RoutingVerticle routing = new RoutingVerticle(RoutingConfig.from(settings), module.directory, journal,
                module.blocking, registry, Clock.systemUTC());
        return vertx.deployVerticle(routing).map(id -> {
            module.routingDeployment = id;
            return module;
        });
    }

    /** Adds the dispatch screen's routes to the application's router. */
    public void mount(Router router) {
        // The screen (sign-in, bridge, pages) and the tips API are mounted here.
    }

    public OperatorDirectory directory() {
        return directory;
    }

    @Override
    public void close() {
        blocking.close();
    }
}
