package org.hotline.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.call.CallJournal;
import org.hotline.core.callback.CallbackConfig;
import org.hotline.core.callback.CallbackVault;
import org.hotline.core.config.Settings;
import org.hotline.core.lease.RoutingFence;
import org.hotline.core.prompts.PromptsConfig;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.GatedExecutor;
import org.hotline.dispatch.alerts.AlertThresholdRoutes;
import org.hotline.dispatch.alerts.JooqAlertThresholds;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.audit.AuditTrail;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.callback.CallbackSwitchRoutes;
import org.hotline.dispatch.callcontrol.CallControlRoutes;
import org.hotline.dispatch.callcontrol.TransferDraftRoute;
import org.hotline.dispatch.escalation.DutyListRoutes;
import org.hotline.dispatch.followup.FollowUpRoutes;
import org.hotline.dispatch.guidance.GuidanceRoutes;
import org.hotline.dispatch.hours.JooqOpeningHours;
import org.hotline.dispatch.hours.OpeningHoursRoutes;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.partners.PartnerRoutes;
import org.hotline.dispatch.prompts.PromptStudioRoutes;
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
    private final RoutingConfig routingConfig;
    private Future<String> routing;
    private FollowUpRoutes followUp;

    private DispatchModule(Vertx vertx, Settings settings, Database database, CallJournal journal,
                           MeterRegistry registry, RoutingFence fence) {
        this.vertx = vertx;
        this.settings = settings;
        this.database = database;
        this.journal = journal;
        this.directory = new JooqOperatorDirectory(database.dsl(), fence);
        this.registry = registry;
        // Read at start, so a bad routing setting stops the process even on a node that only stands by.
        this.routingConfig = RoutingConfig.from(settings);
        // Two database connections at most for routing records and the screen's API: the IVR keeps the rest.
        this.blocking = new GatedExecutor(2);
    }

    /** Deploys routing (this process owns the queue); the future fails if it cannot start. */
    public static Future<DispatchModule> start(Settings settings, Vertx vertx, Database database, CallJournal journal,
                                               MeterRegistry registry) {
        DispatchModule module = standBy(settings, vertx, database, journal, registry);
        return module.takeRouting().map(module);
    }

    /**
     * Dispatch without routing: the screen and tips serve here while another cluster node owns the queue, until
     * {@link #takeRouting()} makes this node the owner.
     */
    public static DispatchModule standBy(Settings settings, Vertx vertx, Database database, CallJournal journal,
                                         MeterRegistry registry) {
        return standBy(settings, vertx, database, journal, registry, RoutingFence.NONE);
    }

    /**
     * {@link #standBy} in a cluster: routing's writes of operators' states carry {@code fence} (the journal passed
     * in carries it for the call writes), so once another node owns routing they are refused.
     */
    public static DispatchModule standBy(Settings settings, Vertx vertx, Database database, CallJournal journal,
                                         MeterRegistry registry, RoutingFence fence) {
        return new DispatchModule(vertx, settings, database, journal, registry, fence);
    }

    /** Deploys routing here: this node now owns the queue. Idempotent. */
    public Future<Void> takeRouting() {
        return takeRouting(List.of());
    }

    /**
     * Deploys routing here, starting with {@code restored}: the calls the previous owner was routing, as the
     * database knows them. Idempotent.
     */
    public synchronized Future<Void> takeRouting(List<CallIntake> restored) {
        if (routing == null) {
            JooqAlertThresholds thresholds = new JooqAlertThresholds(database.dsl());
            routing = vertx.deployVerticle(new RoutingVerticle(routingConfig, directory, journal,
                    blocking, registry, Clock.systemUTC(), restored).alertThresholds(thresholds::load)
                    .openingHours(new JooqOpeningHours(database.dsl(), routingConfig.zone())::load)
                    .owedCallbacks(owedCallbacks()));
            routing.onFailure(e -> forgetRouting());
        }
        return routing.mapEmpty();
    }

    /**
     * Stops routing here (this node lost or could not renew the routing lease): the verticle is undeployed, its bus
     * consumers leave, and the owner that takes over rebuilds the queue. Nothing happens when it does not route.
     */
    public synchronized Future<Void> releaseRouting() {
        Future<String> deployed = routing;
        routing = null;
        if (deployed == null) {
            return Future.succeededFuture();
        }
        return deployed.transform(done -> done.succeeded() ? vertx.undeploy(done.result())
                : Future.<Void>succeededFuture());
    }

    /** The vault's pending callbacks (ids only, nothing decrypted), or none when callbacks are turned off. */
    private Function<Instant, Map<String, String>> owedCallbacks() {
        CallbackConfig callbacks = CallbackConfig.from(settings);
        if (!callbacks.enabled()) {
            return null;
        }
        return now -> {
            Map<String, String> owed = new HashMap<>();
            CallbackVault.open(callbacks).pending(now).forEach((callId, id) -> owed.put(callId, id.value()));
            return owed;
        };
    }

    private synchronized void forgetRouting() {
        routing = null;
    }

    /** Whether this node owns the queue (routing deployed). */
    public synchronized boolean ownsRouting() {
        return routing != null && routing.succeeded();
    }

    /** Adds the dispatch screen's routes to the application's router. */
    public void mount(Router router) {
        // The screen first: its session, CSRF and security handlers must run before every route mounted after it.
        String secretFile = settings.string("screen.secret-file");
        new ScreenRoutes(vertx, ScreenConfig.from(settings), directory, registry, Clock.systemUTC(),
                secretFile.isBlank() ? null : java.nio.file.Path.of(secretFile)).mount(router);
        // --- The tips API (tips, referrals, partners, voice messages, audit) mounts here, after the screen. ---
        // People wait on these answers: they go ahead of routing's queued bookkeeping (see GatedExecutor).
        Blocking jdbc = new Blocking(blocking.firstInLine());
        AuditTrail audit = new JooqAuditTrail(database.dsl());
        ZoneId zone = ZoneId.of(settings.string("time-zone"));
        new TipRoutes(database.dsl(), audit, jdbc, vertx.eventBus(), registry, zone, Clock.systemUTC()).mount(router);
        followUp = new FollowUpRoutes(database.dsl(), jdbc, registry, zone, FollowUpRoutes.dueDays(settings),
                Clock.systemUTC());
        followUp.mount(router, vertx);
        new PartnerRoutes(database.dsl(), jdbc).mount(router);
        new VoicemailRoutes(database.dsl(), audit, jdbc, settings.path("ivr.voicemail.dir"), Clock.systemUTC())
                .mount(router);
        new GuidanceRoutes(database.dsl(), jdbc, Clock.systemUTC()).mount(router);
        new DutyListRoutes(database.dsl(), audit, jdbc, vertx.eventBus(),
                Clock.systemUTC()).mount(router);
        new CallControlRoutes(vertx.eventBus(), directory, audit, jdbc, Clock.systemUTC(),
                settings.bool("callcontrol.show-supervisor")).mount(router);
        new TransferDraftRoute(vertx.eventBus(), database.dsl(), jdbc).mount(router);
        new AlertThresholdRoutes(database.dsl(), jdbc, Clock.systemUTC()).mount(router);
        new OpeningHoursRoutes(database.dsl(), jdbc, vertx.eventBus(), zone, Clock.systemUTC()).mount(router);
        new org.hotline.dispatch.people.PeopleRoutes(database.dsl(), jdbc, vertx.eventBus(), Clock.systemUTC())
                .mount(router);
        // The studio's work is mostly sox converting audio for seconds: its own virtual threads, so an upload never
        // holds one of the gate's few database turns while sox runs.
        new PromptStudioRoutes(PromptsConfig.from(settings), database.dsl(), directory, audit,
                new Blocking(Executors.newVirtualThreadPerTaskExecutor()), vertx.eventBus(), Clock.systemUTC())
                .mount(router);
        new CallbackSwitchRoutes(database.dsl(), CallbackConfig.from(settings), jdbc, Clock.systemUTC()).mount(router);
    }

    public OperatorDirectory directory() {
        return directory;
    }

    @Override
    public void close() {
        if (followUp != null) {
            followUp.close();
        }
        blocking.close();
    }
}
