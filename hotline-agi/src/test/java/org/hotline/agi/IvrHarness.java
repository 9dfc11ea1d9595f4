package org.hotline.agi;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.hotline.core.call.CallJournal;
import org.hotline.core.call.CallSummary;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.simulator.FakeCall;

/**
 * The real IVR for tests: the FastAGI server on a free port over a real H2 file database with the real
 * migrations, and a real event bus. The IVR's own timings are shortened so menu waits and hold polls run in
 * milliseconds; prompts last as long as their sound files unless a test asks for {@link #instantCall}.
 */
public final class IvrHarness implements AutoCloseable {
    /** Test timings: every menu waits 200 ms for a key, hold polls every 50 ms. */
    public static final Map<String, String> FAST = Map.of(
            "agi.port", "0",
            "ivr.menu.timeout", "200ms",
            "ivr.intake.timeout", "1s",
            "ivr.hold.poll", "50ms",
            "ivr.hold.position-interval", "10m",
            "ivr.hold.voicemail-after", "10m",
            "ivr.hold.max", "10m",
            "ivr.voicemail.dir", "/var/spool/asterisk/hotline-voicemail");

    private final Database database;
    private final Vertx vertx;
    private final AgiModule agi;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JooqCallJournal journal;
    private final Settings settings;

    private IvrHarness(Path dataDir, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(FAST);
        values.put("data.dir", dataDir.toString());
        values.putAll(overrides);
        settings = Settings.defaultSettings().with(values);
        database = Database.open(StorageConfig.from(settings));
        journal = new JooqCallJournal(database.dsl());
        vertx = Vertx.vertx();
        // With the database, as the hotline runs it: approved recordings play, hotline-studio records by phone,
        // and the managers' callback switches are read.
        agi = AgiModule.start(settings, vertx, journal, registry, database.dsl());
    }

    public static IvrHarness start(Path dataDir) {
        return new IvrHarness(dataDir, Map.of());
    }

    public static IvrHarness start(Path dataDir, Map<String, String> overrides) {
        return new IvrHarness(dataDir, overrides);
    }

    /** The IVR with the prompt studio: approved recordings play, and {@code hotline-studio} records by phone. */
    public static IvrHarness withStudio(Path dataDir, Map<String, String> overrides) {
        return new IvrHarness(dataDir, overrides);
    }

    /** A call to this IVR's entry script; its prompts last as long as their sound files, as on Asterisk. */
    public FakeCall.Builder call() {
        return FakeCall.builder("127.0.0.1", agi.port()).script(AgiScriptNames.ENTRY);
    }

    /**
     * A call whose prompts take no time, for a test where prompt timing cannot matter: menu logic, malformed
     * input, privacy sweeps. With real prompts a caller who answers after each prompt spends about 40 s in the
     * menus (welcome, six language options, a 16 s purpose prompt).
     *
     * @param why why this test may ignore prompt timing
     */
    public FakeCall.Builder instantCall(String why) {
        return call().instantPrompts(why);
    }

    /**
     * A real-time caller who knows the menus: presses {@code language} 200 ms into the welcome and {@code purpose}
     * 200 ms into the purpose prompt, so the call reaches intake and hold in about a second, and the prompts there
     * (connecting, hold, voicemail offer) last as long as on Asterisk.
     */
    public FakeCall.Builder callKnowingTheMenus(char language, char purpose) {
        return call().pressDuringMenus(language, purpose);
    }

    /** A hangup-handler run for a channel. */
    public FakeCall.Builder hangupHandler(String uniqueId) {
        return FakeCall.builder("127.0.0.1", agi.port()).script(AgiScriptNames.END).uniqueId(uniqueId);
    }

    public FakeDispatch dispatch() {
        return new FakeDispatch(vertx);
    }

    /** Waits until the call is recorded with an outcome or a hand-off, and returns it. */
    public CallSummary settled(String uniqueId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> journal.findByAsteriskId(uniqueId)
                .filter(c -> c.outcome() != null || c.operatorTarget() != null).orElse(null), c -> c != null);
    }

    public CallJournal journal() {
        return journal;
    }

    public Database database() {
        return database;
    }

    public Vertx vertx() {
        return vertx;
    }

    public SimpleMeterRegistry registry() {
        return registry;
    }

    public Settings settings() {
        return settings;
    }

    public int port() {
        return agi.port();
    }

    public int openConnections() {
        return agi.openConnections();
    }

    @Override
    public void close() {
        agi.stop(Duration.ofSeconds(5));
        vertx.close().toCompletionStage().toCompletableFuture().join();
        database.close();
    }
}
