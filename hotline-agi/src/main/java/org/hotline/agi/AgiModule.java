package org.hotline.agi;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.agi.call.CallbackOutcomes;
import org.hotline.agi.call.HotlineEndScript;
import org.hotline.agi.callback.CallbackDesk;
import org.hotline.agi.call.HotlineScript;
import org.hotline.agi.call.IvrMetrics;
import org.hotline.agi.call.IvrServices;
import org.hotline.agi.hold.HoldConfig;
import org.hotline.agi.hold.HoldLoop;
import org.hotline.agi.intake.DispatchClient;
import org.hotline.agi.menu.LanguageMenu;
import org.hotline.agi.menu.MenuConfig;
import org.hotline.agi.menu.PurposeMenu;
import org.hotline.agi.pseudonym.PseudonymKeyFile;
import org.hotline.agi.pseudonym.Pseudonymizer;
import org.hotline.agi.server.AgiServerConfig;
import org.hotline.agi.server.HotlineAgiServer;
import org.hotline.agi.voicemail.VoicemailConfig;
import org.hotline.agi.voicemail.VoicemailRecorder;
import org.hotline.core.call.CallJournal;
import org.hotline.core.callback.CallbackConfig;
import org.hotline.core.config.Settings;
import org.hotline.core.steplog.StepLog;
import org.hotline.core.storage.GatedExecutor;
import org.hotline.core.storage.PatientWriter;
import org.hotline.core.storage.StorageConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telephony edge, assembled: the FastAGI server with the {@code hotline} and {@code hotline-end} scripts.
 * {@link #start} stores what a killed predecessor logged but had not stored ({@link StepLog#replayEarlier}), closes the calls
 * it left open at the step they reached, then binds; {@link #stop} drains.
 */
public final class AgiModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgiModule.class);

    private final HotlineAgiServer server;
    private final AtomicBoolean draining;
    private final GatedExecutor journalThreads;
    private final PatientWriter journalWriter;
    private final StepLog stepLog;
    private final CallbackOutcomes callbackOutcomes;

    private AgiModule(HotlineAgiServer server, AtomicBoolean draining, GatedExecutor journalThreads,
                      PatientWriter journalWriter, StepLog stepLog, CallbackOutcomes callbackOutcomes) {
        this.callbackOutcomes = callbackOutcomes;
        this.server = server;
        this.draining = draining;
        this.journalThreads = journalThreads;
        this.journalWriter = journalWriter;
        this.stepLog = stepLog;
    }

    /** Builds the IVR from the settings and starts the FastAGI server; fails with one clear sentence. */
    public static AgiModule start(Settings settings, Vertx vertx, CallJournal journal, MeterRegistry registry) {
        return start(settings, vertx, journal, registry, Map::of);
    }

    /**
     * As {@link #start(Settings, Vertx, CallJournal, MeterRegistry)}, with the managers' callback switches per
     * language read from {@code callbackSwitches} (the database's {@code callback_switches}) every
     * {@code callback.switch-refresh}.
     */
    public static AgiModule start(Settings settings, Vertx vertx, CallJournal journal, MeterRegistry registry,
                                  Supplier<Map<String, Boolean>> callbackSwitches) {
        Clock clock = Clock.systemUTC();
        StepLog stepLog = StepLog.open(StepLog.directoryIn(StorageConfig.from(settings).dataDir()));
        // Whatever fails from here on must not leave the step log's lock and files open.
        try {
            // The previous run's logged records first, so each call it left in the IVR is closed where it was.
            stepLog.replayEarlier(journal);
            Instant now = clock.instant();
            int closed = journal.closeInterrupted(now, now);
            if (closed > 0) {
                LOG.warn("Closed {} call(s) that a previous run left in the IVR as failed", closed);
            }
            AtomicBoolean draining = new AtomicBoolean();
            // Leave pooled connections for dispatch (two), health checks and reports.
            GatedExecutor journalThreads = new GatedExecutor(settings.integer("db.pool-size") - 3);
            PatientWriter journalWriter = new PatientWriter(journalThreads, settings.duration("db.outage-patience"));
            MenuConfig menu = MenuConfig.from(settings);
            IvrServices ivr = new IvrServices(menu.routes(), new LanguageMenu(menu), new PurposeMenu(menu),
                    new HoldLoop(HoldConfig.from(settings), clock, draining::get),
                    new VoicemailRecorder(VoicemailConfig.from(settings)),
                    new DispatchClient(vertx, settings.duration("ivr.intake.timeout")),
                    new Pseudonymizer(PseudonymKeyFile.loadOrCreate(PseudonymKeyFile.location(settings))), journal,
                    journalWriter, stepLog, new IvrMetrics(registry), clock, draining::get, CallbackDesk.from(CallbackConfig.from(settings), clock, callbackSwitches,
                    settings.duration("callback.switch-refresh")));
            Map<String, AgiScript> scripts = Map.of(
                    AgiScriptNames.ENTRY, new HotlineScript(ivr),
                    AgiScriptNames.END, new HotlineEndScript(ivr));
            CallbackOutcomes callbackOutcomes = ivr.callbacks().vault().map(vault -> CallbackOutcomes.start(ivr, vault,
                    vertx, ivr.callbacks().config().sweepInterval())).orElse(null);
            HotlineAgiServer server = new HotlineAgiServer(AgiServerConfig.from(settings), scripts, registry);
            try {
                server.start();
            } catch (RuntimeException e) {
                if (callbackOutcomes != null) {
                    callbackOutcomes.close();
                }
                throw e;
            }
            return new AgiModule(server, draining, journalThreads, journalWriter, stepLog, callbackOutcomes);
        } catch (RuntimeException e) {
            stepLog.close();
            throw e;
        }
    }

    /** The port the FastAGI server listens on. */
    public int port() {
        return server.boundPort();
    }

    /** FastAGI connections open now. */
    public int openConnections() {
        return server.openConnections();
    }

    /**
     * Stops taking calls. Calls in progress finish the command they are in, then leave the IVR toward the
     * dialplan's fallback; their records are written before this returns (up to {@code grace}).
     */
    public void stop(Duration grace) {
        draining.set(true);
        server.stop(grace);
        if (callbackOutcomes != null) {
            callbackOutcomes.close();
        }
        journalThreads.close();
        journalWriter.close();
        // Records still waiting for the database stay in the log, and the next start stores them.
        stepLog.close();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
