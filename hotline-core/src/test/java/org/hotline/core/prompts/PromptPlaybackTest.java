package org.hotline.core.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the IVR plays when the database is gone, with a real H2 database closed under it: the approved recordings
 * loaded before stay; an IVR that never loaded any plays placeholders. Never silence, never a query per prompt.
 */
class PromptPlaybackTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseOutageKeepsWhatWasLoadedAndBeforeAnyLoadEveryPromptIsItsPlaceholder() throws Exception {
        Settings settings = Settings.defaultSettings().with(Map.of("data.dir", dir.toString()));
        PromptsConfig config = PromptsConfig.from(settings);
        PromptTexts texts = PromptTexts.bundled();
        Database database = TestDatabases.open(TestDatabases.Engine.H2, dir);
        String speaker = RecordingInstallerTest.operator(database, "speaker");
        String reviewer = RecordingInstallerTest.operator(database, "reviewer");
        Path tone = dir.resolve("tone.wav");
        Process sox = new ProcessBuilder("sox", "-n", "-r", "8000", "-c", "1", tone.toString(), "synth", "1", "sine",
                "440", "vol", "0.5").start();
        assertThat(sox.waitFor()).isZero();
        PromptRecording take = new RecordingInstaller(config, texts, new SoxAudio(config), database.dsl())
                .install(tone, "ps", "hold", speaker, PromptRecording.Source.UPLOAD, Instant.now());
        PromptRecordings recordings = new PromptRecordings(database.dsl());
        recordings.review(take.id(), PromptRecording.State.APPROVED, reviewer, List.of("ps"), Instant.now());

        PromptPlayback loaded = new PromptPlayback(texts, config, recordings::approved);
        assertThat(loaded.refresh()).isTrue();
        PromptPlayback neverLoaded = new PromptPlayback(texts, config, recordings::approved);
        database.close();

        assertThat(loaded.refresh()).as("the reload fails").isFalse();
        assertThat(loaded.recorded("ps", "hold")).as("what was loaded stays")
                .contains(config.asteriskFile("ps", take.fileName()));
        assertThat(neverLoaded.refresh()).isFalse();
        assertThat(neverLoaded.recorded("ps", "hold")).as("the placeholder plays").isEmpty();
    }
}
