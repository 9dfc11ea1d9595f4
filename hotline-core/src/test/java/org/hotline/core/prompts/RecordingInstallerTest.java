package org.hotline.core.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.core.db.Tables.OPERATORS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hotline.core.storage.Database;
import org.hotline.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads through the real sox and a real H2 database with the real migrations: a good take is converted to what
 * Asterisk plays and stored with its row; every refusal leaves no file (not even a temporary one) and no row.
 */
class RecordingInstallerTest {
    private static final Instant NOW = Instant.parse("2026-12-08T03:00:00Z");

    @TempDir
    Path dir;
    private Database database;
    private PromptsConfig config;
    private RecordingInstaller installer;
    private PromptRecordings recordings;
    private String speaker;

    @BeforeEach
    void setUp() {
        database = TestDatabases.open(TestDatabases.Engine.H2, dir.resolve("data"));
        config = PromptsConfig.from(org.hotline.core.config.Settings.defaultSettings().with(Map.of(
                "data.dir", dir.resolve("data").toString(), "prompts.max-length", "10s")));
        installer = new RecordingInstaller(config, PromptTexts.bundled(), new SoxAudio(config), database.dsl());
        recordings = new PromptRecordings(database.dsl());
        speaker = operator(database, "speaker");
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aGoodRecordingIsConvertedToEightKilohertzMonoAndStoredWithItsRow() throws Exception {
        Path upload = sox("good.wav", "-r", "8000", "-c", "1", "synth", "2", "sine", "440", "vol", "0.5");

        PromptRecording take = installer.install(upload, "prs", "welcome", speaker, PromptRecording.Source.UPLOAD,
                NOW);

        Path stored = config.file("prs", take.fileName());
        assertThat(stored).exists().hasParent(config.dir().resolve("prs").resolve("hotline"));
        assertThat(soxi("-r", stored)).isEqualTo("8000");
        assertThat(soxi("-c", stored)).isEqualTo("1");
        assertThat(soxi("-b", stored)).isEqualTo("16");
        assertThat(take.lengthMs()).isBetween(1900, 2100);
        assertThat(take.state()).isEqualTo(PromptRecording.State.RECORDED);
        assertThat(take.textRevision()).isEqualTo(PromptTexts.bundled().text("prs", "welcome").orElseThrow()
                .revision());
        assertThat(recordings.all()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(take.id());
            assertThat(r.recordedBy()).isEqualTo(speaker);
            assertThat(r.recordedAt()).isEqualTo(NOW);
            assertThat(r.source()).isEqualTo(PromptRecording.Source.UPLOAD);
        });
        assertThat(upload).as("the upload itself is left for the caller to delete").exists();
        assertThat(incoming()).isEmpty();
    }

    @Test
    void aStereoFortyEightKilohertzRecordingIsResampledAndMixedDown() throws Exception {
        Path upload = sox("studio.wav", "-r", "48000", "-c", "2", "synth", "1.5", "sine", "300", "vol", "0.4");

        PromptRecording take = installer.install(upload, "ps", "hold", speaker, PromptRecording.Source.UPLOAD, NOW);

        Path stored = config.file("ps", take.fileName());
        assertThat(soxi("-r", stored)).isEqualTo("8000");
        assertThat(soxi("-c", stored)).isEqualTo("1");
        assertThat(take.lengthMs()).isBetween(1400, 1600);
    }

    @Test
    void notAudioIsRefusedAndNothingIsInstalled() throws Exception {
        Path upload = Files.writeString(dir.resolve("notes.wav"), "these are not sounds, only words\n");
        assertRefused(upload, RecordingRefused.Reason.NOT_AUDIO, "not audio");
    }

    @Test
    void aRecordingLongerThanTheMaximumIsRefused() throws Exception {
        Path upload = sox("long.wav", "-r", "8000", "-c", "1", "synth", "12", "sine", "440", "vol", "0.5");
        assertRefused(upload, RecordingRefused.Reason.TOO_LONG, "at most 10 s");
    }

    @Test
    void aSilentRecordingIsRefused() throws Exception {
        Path upload = sox("silent.wav", "-r", "8000", "-c", "1", "synth", "2", "sine", "440", "vol", "0.0001");
        assertRefused(upload, RecordingRefused.Reason.SILENT, "silent");
    }

    @Test
    void aRecordingBelowEightKilohertzIsRefused() throws Exception {
        Path upload = sox("narrow.wav", "-r", "4000", "-c", "1", "synth", "2", "sine", "440", "vol", "0.5");
        assertRefused(upload, RecordingRefused.Reason.SAMPLE_RATE, "8000 Hz");
    }

    @Test
    void aRefusalLeavesThePreviousTakeAsItWas() throws Exception {
        PromptRecording first = installer.install(sox("good.wav", "-r", "8000", "-c", "1", "synth", "2", "sine",
                "440", "vol", "0.5"), "prs", "welcome", speaker, PromptRecording.Source.UPLOAD, NOW);
        assertRefused(Files.writeString(dir.resolve("bad.wav"), "x"), RecordingRefused.Reason.NOT_AUDIO, "not audio",
                first);
    }

    private void assertRefused(Path upload, RecordingRefused.Reason reason, String says) throws IOException {
        assertRefused(upload, reason, says, null);
    }

    private void assertRefused(Path upload, RecordingRefused.Reason reason, String says, PromptRecording before)
            throws IOException {
        List<Path> filesBefore = recordingFiles();
        assertThatThrownBy(() -> installer.install(upload, "prs", "welcome", speaker, PromptRecording.Source.UPLOAD,
                NOW)).isInstanceOfSatisfying(RecordingRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(says);
                });
        assertThat(recordingFiles()).as("no file installed").isEqualTo(filesBefore);
        assertThat(incoming()).as("no temporary file left").isEmpty();
        assertThat(recordings.all()).as("no row").isEqualTo(before == null ? List.of() : List.of(before));
    }

    private List<Path> recordingFiles() throws IOException {
        if (!Files.isDirectory(config.dir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(config.dir())) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().contains(RecordingInstaller.INCOMING))
                    .sorted().toList();
        }
    }

    private List<Path> incoming() throws IOException {
        Path incoming = config.dir().resolve(RecordingInstaller.INCOMING);
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.toList();
        }
    }

    private Path sox(String name, String... args) throws Exception {
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("sox", "-n"));
        List<String> rest = new ArrayList<>(List.of(args));
        // sox -n -r R -c C out.wav synth ...: the output options and file come before the effects.
        int effects = rest.indexOf("synth");
        command.addAll(rest.subList(0, effects));
        command.add(out.toString());
        command.addAll(rest.subList(effects, rest.size()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("sox: %s", output).isZero();
        return out;
    }

    static String soxi(String flag, Path file) throws Exception {
        Process process = new ProcessBuilder("sox", "--i", flag, file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return out;
    }

    static String operator(Database database, String username) {
        String id = UUID.randomUUID().toString();
        database.dsl().insertInto(OPERATORS).set(OPERATORS.ID, id).set(OPERATORS.USERNAME, username)
                .set(OPERATORS.DISPLAY_NAME, username).set(OPERATORS.ROLE, "operator").set(OPERATORS.LANGUAGES, "prs,ps")
                .set(OPERATORS.INTERPRETER, false).set(OPERATORS.PASSWORD_HASH, "x").set(OPERATORS.ENABLED, true)
                .set(OPERATORS.CREATED_AT, NOW.atOffset(ZoneOffset.UTC)).execute();
        return id;
    }
}
