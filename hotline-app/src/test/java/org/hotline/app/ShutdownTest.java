package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.app.run.Hotline;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C: the hotline stops taking calls, a call in the menu finishes its step and leaves toward the
 * dialplan's fallback, its record is written, and the database closes cleanly.
 */
class ShutdownTest {
    @TempDir
    Path dataDir;

    @Test
    void aCallInProgressFinishesItsStepAndIsRecordedBeforeTheDatabaseCloses() throws Exception {
        Settings settings = Settings.defaultSettings().with(Map.of("data.dir", dataDir.toString(),
                "agi.port", "0", "http.port", "0", "management.port", "0", "ivr.menu.timeout", "700ms"));
        Hotline hotline = Hotline.start(settings);
        int port = hotline.agiPort();
        CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall.builder("127.0.0.1", port)
                // About draining, not prompts: a caller who waits out the language menu would hear about 25 s of
                // real prompts; 200 ms ones still leave the call inside a prompt or a wait when the server closes.
                .playbackTime(Duration.ofMillis(200))
                .silence().press('2').press('3').build().run(Duration.ofSeconds(30)));
        await().until(() -> hotline.openAgiConnections() == 1);

        hotline.close();

        CallRecord record = call.get();
        assertThat(record.closedByServer()).isTrue();
        assertThat(record.variables()).doesNotContainKey("HOTLINE_IVR_DONE");
        try (Database database = Database.open(StorageConfig.from(settings))) {
            var stored = new JooqCallJournal(database.dsl()).findByAsteriskId(record.uniqueId()).orElseThrow();
            assertThat(stored.language()).isEqualTo("ps");
            assertThat(stored.outcome()).isEqualTo(CallOutcome.FALLBACK);
        }
        try (var probe = new java.net.Socket()) {
            assertThat(org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> probe.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500))).isNotNull();
        }
    }
}
