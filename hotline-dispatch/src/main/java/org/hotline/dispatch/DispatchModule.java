package org.hotline.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.ZoneId;
import org.hotline.core.call.CallJournal;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.GatedExecutor;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.audit.AuditTrail;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.partners.PartnerRoutes;
import org.hotline.dispatch.routing.RoutingConfig;
import org.hotline.dispatch.routing.RoutingVerticle;
import org.hotline.dispatch.screen.ScreenConfig;
import org.hotline.dispatch.screen.ScreenRoutes;
import org.hotline.dispatch.tips.TipRoutes;
import org.hotline.dispatch.voicemail.VoicemailRoutes;

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
    private final GatedExecutor blocking;
    private String routingDeployment;

    private DispatchModule(Vertx vertx, Settings settings, Database database, CallJournal journal,
                           MeterRegistry registry) {
        this.vertx = vertx;
        this.settings = settings;
        this.database = database;
        this.journal = journal;
        this.directory = new JooqOperatorDirectory(database.dsl());
        this.registry = registry;
        // Two database connections at most for routing records and the screen's API: the IVR keeps the rest.
        this.blocking = new GatedExecutor(2);
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
        // The screen first: its session, CSRF and security handlers must run before every route mounted after it.
        new ScreenRoutes(vertx, ScreenConfig.from(settings), directory, registry, Clock.systemUTC()).mount(router);
        // --- The tips API (tips, referrals, partners, voice messages, audit) mounts here, after the screen. ---
        Blocking jdbc = new Blocking(blocking);
        AuditTrail audit = new JooqAuditTrail(database.dsl());
        new TipRoutes(database.dsl(), audit, jdbc, vertx.eventBus(), registry, ZoneId.of(settings.string("time-zone")),
                Clock.systemUTC()).mount(router);
        new PartnerRoutes(database.dsl(), jdbc).mount(router);
        new VoicemailRoutes(database.dsl(), audit, jdbc, settings.path("ivr.voicemail.dir"), Clock.systemUTC())
                .mount(router);
    }

    public OperatorDirectory directory() {
        return directory;
    }

    @Override
    public void close() {
        blocking.close();
    }
}
