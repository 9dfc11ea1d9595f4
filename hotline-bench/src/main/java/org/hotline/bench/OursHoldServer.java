package org.hotline.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.agi.AgiModule;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;

/**
 * Our IVR as production assembles it: {@link AgiModule} over a real H2 file database and a real Vert.x event bus,
 * with {@link QueueingDispatch} standing in for dispatch. Only the hold timings differ from the defaults, so that
 * held calls keep polling and never hear a position, a voice-message offer or the hold limit during a run.
 */
final class OursHoldServer implements BenchServer {
    private final AgiModule agi;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountingJournal journal;

    OursHoldServer(Path dataDir, Duration poll) {
        Settings settings = Settings.defaultSettings().with(Map.of(
                "data.dir", dataDir.toString(),
                "agi.bind", "127.0.0.1",
                "agi.port", "0",
                "ivr.hold.poll", poll.toMillis() + "ms",
                "ivr.hold.position-interval", "1h",
                "ivr.hold.voicemail-after", "1h",
                "ivr.hold.max", "2h"));
        Database database = Database.open(StorageConfig.from(settings));
        Vertx vertx = Vertx.vertx();
        QueueingDispatch.register(vertx);
        journal = CountingJournal.watching(new JooqCallJournal(database.dsl()));
        agi = AgiModule.start(settings, vertx, journal.journal(), registry);
    }

    @Override
    public int port() {
        return agi.port();
    }

    @Override
    public int held() {
        return (int) registry.get("hotline.calls.in.hold").gauge().value();
    }

    @Override
    public Map<String, String> journal() {
        return Map.of("journalRunning", String.valueOf(journal.running()),
                "journalDone", String.valueOf(journal.done()),
                "journalFailed", String.valueOf(journal.failed()),
                "entriesFailed", String.valueOf(journal.entriesFailed()));
    }

    @Override
    public CommandTimings timings() {
        return new CommandTimings();
    }

}
