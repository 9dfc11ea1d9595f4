package org.hotline.agi;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.agi.call.CallbackOutcomes;
import org.hotline.agi.call.HotlineEndScript;
import org.hotline.agi.call.HotlineScript;
import org.hotline.agi.call.IvrMetrics;
import org.hotline.agi.call.IvrServices;
import org.hotline.agi.callback.CallbackDesk;
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
import org.hotline.agi.studio.StudioScript;
import org.hotline.agi.voicemail.VoicemailConfig;
import org.hotline.agi.voicemail.VoicemailRecorder;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.call.CallJournal;
import org.hotline.core.callback.CallbackConfig;
import org.hotline.core.callback.CallbackSwitches;
import org.hotline.core.config.Settings;
import org.hotline.core.prompts.PromptPlayback;
import org.hotline.core.prompts.PromptRecordings;
import org.hotline.core.prompts.PromptTexts;
import org.hotline.core.prompts.PromptsConfig;
import org.hotline.core.prompts.RecordingInstaller;
import org.hotline.core.prompts.SoxAudio;
import org.hotline.core.prompts.StudioPins;
import org.hotline.core.steplog.StepLog;
import org.hotline.core.storage.GatedExecutor;
import org.hotline.core.storage.PatientWriter;
import org.hotline.core.storage.StorageConfig;
import org.jooq.DSLContext;
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
    private final Pseudonymizer pseudonymizer;
    private final CallbackOutcomes callbackOutcomes;

    private AgiModule(HotlineAgiServer server, AtomicBoolean draining, GatedExecutor journalThreads,
                      PatientWriter journalWriter, StepLog stepLog, Pseudonymizer pseudonymizer,
                      CallbackOutcomes callbackOutcomes) {
        this.callbackOutcomes = callbackOutcomes;
        this.server = server;
        this.pseudonymizer = pseudonymizer;
        this.draining = draining;
        this.journalThreads = journalThreads;
        this.journalWriter = journalWriter;
        this.stepLog = stepLog;
    }

    /** Builds the IVR from the settings and starts the FastAGI server; fails with one clear sentence. */
    public static AgiModule start(Settings settings, Vertx vertx, CallJournal journal, MeterRegistry registry) {
        return start(settings, vertx, journal, registry, null);
    }

    /**
     * As {@link #start(Settings, Vertx, CallJournal, MeterRegistry)}, with what the database {@code db} adds when
     * given: the prompt studio (the IVR plays approved recordings over the placeholders, held in memory and
     * reloaded on {@link BusAddresses#PROMPTS_CHANGED}; {@code hotline-studio} records prompts by phone) and the
     * managers' callback switches per language (read every {@code callback.switch-refresh}).
     */
    public static AgiModule start(Settings settings, Vertx vertx, CallJournal journal, MeterRegistry registry,
                                  DSLContext db) {
        Supplier<Map<String, Boolean>> callbackSwitches = db == null ? Map::of : new CallbackSwitches(db)::load;
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
            Pseudonymizer pseudonymizer = new Pseudonymizer(PseudonymKeyFile.liveKeys(
                    PseudonymKeyFile.location(settings)));
            IvrServices ivr = new IvrServices(menu.routes(), new LanguageMenu(menu), new PurposeMenu(menu),
                    new HoldLoop(HoldConfig.from(settings), clock, draining::get),
                    new VoicemailRecorder(VoicemailConfig.from(settings)),
                    new DispatchClient(vertx, settings.duration("ivr.intake.timeout")),
                    pseudonymizer, journal,
                    journalWriter, stepLog, new IvrMetrics(registry), clock, draining::get,
                    java.time.ZoneId.of(settings.string("time-zone")), CallbackDesk.from(CallbackConfig.from(settings),
                    clock, callbackSwitches, settings.duration("callback.switch-refresh")));
            Map<String, AgiScript> scripts = new HashMap<>();
            scripts.put(AgiScriptNames.END, new HotlineEndScript(ivr));
            if (db == null) {
                scripts.put(AgiScriptNames.ENTRY, new HotlineScript(ivr));
            } else {
                addStudio(scripts, ivr, settings, vertx, db, clock);
            }
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
            return new AgiModule(server, draining, journalThreads, journalWriter, stepLog, pseudonymizer,
                    callbackOutcomes);
        } catch (RuntimeException e) {
            stepLog.close();
            throw e;
        }
    }

    /** The entry script playing approved recordings, and the studio's record-by-phone script. */
    private static void addStudio(Map<String, AgiScript> scripts, IvrServices ivr, Settings settings, Vertx vertx,
                                  DSLContext db, Clock clock) {
        PromptsConfig prompts = PromptsConfig.from(settings);
        PromptTexts texts = prompts.texts();
        PromptRecordings recordings = new PromptRecordings(db);
        PromptPlayback playback = new PromptPlayback(texts, prompts, recordings::approved);
        playback.refresh();
        vertx.eventBus().consumer(BusAddresses.PROMPTS_CHANGED,
                message -> Thread.ofVirtual().name("prompt-reload").start(playback::refresh));
        scripts.put(AgiScriptNames.ENTRY, new HotlineScript(ivr, playback));
        scripts.put(AgiScriptNames.STUDIO, new StudioScript(new StudioScript.StudioServices(texts, recordings,
                new StudioPins(db, prompts.pinAttempts(), prompts.pinLockout()),
                new RecordingInstaller(prompts, texts, new SoxAudio(prompts), db), prompts,
                () -> vertx.eventBus().publish(BusAddresses.PROMPTS_CHANGED, new JsonObject()), clock)));
    }

    /** The port the FastAGI server listens on. */
    public int port() {
        return server.boundPort();
    }

    /** The caller pseudonymizer, told of new live keys when a key is rotated or destroyed. */
    public Pseudonymizer pseudonymizer() {
        return pseudonymizer;
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
