package org.hotline.app.demo;

import static org.hotline.core.db.Tables.PROMPT_RECORDINGS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hotline.core.config.Settings;
import org.hotline.core.prompts.PromptRecording;
import org.hotline.core.prompts.PromptRecordings;
import org.hotline.core.prompts.PromptText;
import org.hotline.core.prompts.PromptTexts;
import org.hotline.core.prompts.PromptsConfig;
import org.hotline.core.prompts.RecordingInstaller;
import org.hotline.core.prompts.RecordingRefused;
import org.hotline.core.prompts.SoxAudio;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's prompt studio: a few takes in Dari and Pashto, so the coverage page ({@code /prompts}) shows every
 * state: approved, awaiting review (demo-manager, a Dari speaker, can approve the Dari ones), placeholder only, and
 * stale (a Pashto take of a text that has changed since). The "recordings" are the placeholder sounds themselves (or
 * a tone where they were not generated), installed through the real sox path. Seeded once per data directory.
 */
public final class DemoPrompts {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPrompts.class);

    private DemoPrompts() {
    }

    /** Seeds the demo takes once per data directory; a failure leaves the studio empty, never stops the demo. */
    public static void seed(Settings settings, DSLContext db, OperatorDirectory directory) {
        if (db.fetchCount(PROMPT_RECORDINGS) > 0) {
            return;
        }
        PromptsConfig config = PromptsConfig.from(settings);
        PromptTexts texts = config.texts();
        RecordingInstaller installer = new RecordingInstaller(config, texts, new SoxAudio(config), db);
        PromptRecordings recordings = new PromptRecordings(db);
        String speaker = directory.byUsername("demo-dari").map(Operator::id).orElseThrow();
        String dariReviewer = directory.byUsername("demo-manager").map(Operator::id).orElseThrow();
        String pashtoReviewer = directory.byUsername("demo-urdu").map(Operator::id).orElseThrow();
        try {
            List<PromptText> dari = texts.of("prs");
            List<PromptText> pashto = texts.of("ps");
            for (int i = 0; i < 8; i++) {
                PromptRecording take = install(installer, config, dari.get(i), speaker);
                if (i < 5) {
                    recordings.review(take.id(), PromptRecording.State.APPROVED, dariReviewer, List.of("prs"),
                            Instant.now());
                }
            }
            for (int i = 0; i < 5; i++) {
                PromptRecording take = install(installer, config, pashto.get(i), speaker);
                if (i < 2) {
                    recordings.review(take.id(), PromptRecording.State.APPROVED, pashtoReviewer, List.of("ps"),
                            Instant.now());
                } else if (i == 4) {
                    // As if the text had been edited after this take: it shows as stale, and the placeholder plays.
                    db.update(PROMPT_RECORDINGS).set(PROMPT_RECORDINGS.TEXT_REVISION, "000000000000")
                            .where(PROMPT_RECORDINGS.ID.eq(take.id())).execute();
                }
            }
            LOG.info("Demo prompt studio seeded: 13 takes in Dari and Pashto (see /prompts)");
        } catch (RecordingRefused | IOException | RuntimeException e) {
            LOG.warn("The demo's prompt takes could not be made ({}); the studio page starts empty", e.getMessage());
        }
    }

    private static PromptRecording install(RecordingInstaller installer, PromptsConfig config, PromptText text,
                                           String speaker) throws RecordingRefused, IOException {
        Path placeholder = config.placeholder(text.language(), text.key());
        Path source = Files.isRegularFile(placeholder) ? placeholder : tone(config);
        return installer.install(source, text.language(), text.key(), speaker, PromptRecording.Source.UPLOAD,
                Instant.now());
    }

    private static Path tone(PromptsConfig config) throws IOException {
        Path tone = Files.createDirectories(config.dir().resolve(".incoming")).resolve("demo-tone.wav");
        if (!Files.exists(tone)) {
            try {
                Process sox = new ProcessBuilder(config.sox(), "-n", "-r", "8000", "-c", "1", tone.toString(), "synth",
                        "1.5", "sine", "440", "vol", "0.4").redirectErrorStream(true).start();
                sox.getInputStream().readAllBytes();
                sox.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return tone;
    }
}
