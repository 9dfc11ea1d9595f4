package org.hotline.core.prompts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a take, uploaded or recorded by phone: converts it with sox into a temporary file next to the
 * recordings, checks it, then moves it into place and stores its row in one step. Nothing is half-installed: a
 * refusal or a failure leaves no file and no row, and the prompt plays as before. Blocking: call it from a worker
 * or virtual thread.
 */
public final class RecordingInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingInstaller.class);
    /** Temporary files live here, on the same disk as the recordings so the final move is atomic. */
    static final String INCOMING = ".incoming";

    private final PromptsConfig config;
    private final PromptTexts texts;
    private final SoxAudio sox;
    private final DSLContext db;
    private final PromptRecordings recordings;

    public RecordingInstaller(PromptsConfig config, PromptTexts texts, SoxAudio sox, DSLContext db) {
        this.config = config;
        this.texts = texts;
        this.sox = sox;
        this.db = db;
        this.recordings = new PromptRecordings(db);
    }

    /** Installs {@code input} (left as it is) as a new take awaiting review. */
    public PromptRecording install(Path input, String language, String key, String recordedBy,
                                   PromptRecording.Source source, Instant now) throws RecordingRefused {
        PromptText text = texts.text(language, key).orElseThrow(() -> new RecordingRefused(
                RecordingRefused.Reason.UNKNOWN_PROMPT, "There is no prompt '" + key + "' in language '" + language
                + "'."));
        String id = UUID.randomUUID().toString();
        String fileName = key + "-" + id.replace("-", "").substring(0, 16);
        Path target = config.file(language, fileName);
        Path temp;
        try {
            Files.createDirectories(config.dir().resolve(INCOMING));
            Files.createDirectories(target.getParent());
            temp = config.dir().resolve(INCOMING).resolve(id + ".wav");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the recordings folder " + config.dir(), e);
        }
        try {
            int lengthMs = sox.normalise(input, temp);
            PromptRecording take = new PromptRecording(id, language, key, text.revision(), fileName, lengthMs, source,
                    PromptRecording.State.RECORDED, recordedBy, now, null, null);
            boolean moved = false;
            try {
                db.transaction(tx -> {
                    recordings.insert(tx.dsl(), take);
                    // Inside the transaction: a failed move rolls the row back.
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                });
                moved = true;
            } finally {
                if (!moved) {
                    // The commit may have failed after the move: take the file back out.
                    Files.deleteIfExists(target);
                }
            }
            LOG.info("Prompt take {} installed: {} {} ({} ms, {})", id, language, key, lengthMs, source.code());
            return take;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the recording", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.warn("Could not delete the temporary recording {}", temp.getFileName());
            }
        }
    }
}
