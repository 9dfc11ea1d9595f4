package org.hotline.agi.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hotline.agi.call.Caller;
import org.hotline.core.prompts.PromptRecording;
import org.hotline.core.prompts.PromptStatus;
import org.hotline.core.prompts.RecordingRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One speaker recording one language by phone: for each prompt with no approved or awaiting take of its current
 * text, it plays the text (the placeholder audio), records the next take after a beep, then asks: 1 keep it, 2 hear
 * it, 3 record it again (Asterisk's stock {@code vm-review} sound says exactly this). A kept take is installed as an
 * upload is (sox, checks, atomic move and row); a refused one (silent, too long) is recorded again.
 */
final class StudioSession {
    private static final Logger LOG = LoggerFactory.getLogger(StudioSession.class);
    static final String REVIEW = "vm-review";
    static final String SAVED = "vm-msgsaved";
    private static final int SILENCE_SECONDS = 3;
    private static final int TRIES = 3;

    private final StudioScript.StudioServices studio;
    private final Caller caller;
    private final String speaker;
    private final String language;

    StudioSession(StudioScript.StudioServices studio, Caller caller, String speaker, String language) {
        this.studio = studio;
        this.caller = caller;
        this.speaker = speaker;
        this.language = language;
    }

    void run() {
        List<PromptStatus> missing = PromptStatus.of(studio.texts(), studio.recordings().all()).stream()
                .filter(s -> s.text().language().equals(language))
                .filter(s -> s.status() == PromptStatus.Status.PLACEHOLDER || s.status() == PromptStatus.Status.STALE)
                .toList();
        LOG.info("Studio session: {} prompt(s) of {} to record", missing.size(), language);
        for (PromptStatus prompt : missing) {
            if (!recordOne(prompt.text().key())) {
                return;
            }
        }
    }

    /** Records one prompt until a take is kept; false when the speaker stopped answering. */
    private boolean recordOne(String key) {
        for (int take = 0; take < TRIES; take++) {
            caller.playFile(language + "/hotline/" + key, "");
            Path file = studio.config().phoneDir().resolve("studio-" + UUID.randomUUID());
            Path wav = Path.of(file + ".wav");
            try {
                if (!caller.record(file.toString(), "#", studio.config().maxLength(), SILENCE_SECONDS)) {
                    LOG.warn("Asterisk could not record into the studio folder {}", studio.config().phoneDir());
                    return false;
                }
                switch (review(wav)) {
                    case '1' -> {
                        if (keep(wav, key)) {
                            return true;
                        }
                    }
                    case '3' -> LOG.info("Studio take of {} {} recorded again", language, key);
                    default -> {
                        return false;
                    }
                }
            } finally {
                delete(wav);
            }
        }
        return true;
    }

    /** Asks keep (1), hear (2) or again (3), until 1 or 3; {@link Caller#NO_KEY} after three silences. */
    private char review(Path wav) {
        for (int round = 0; round < TRIES; round++) {
            char key = caller.playFile(REVIEW, "123");
            if (key == Caller.NO_KEY) {
                key = caller.waitForKey(Duration.ofSeconds(5));
            }
            if (key == '2') {
                caller.playFile(wav.toString().replaceFirst("\\.wav$", ""), "");
                round = -1;
            } else if (key == '1' || key == '3') {
                return key;
            }
        }
        return Caller.NO_KEY;
    }

    private boolean keep(Path wav, String key) {
        try {
            PromptRecording take = studio.installer().install(wav, language, key, speaker, PromptRecording.Source.PHONE,
                    studio.clock().instant());
            studio.changed().run();
            LOG.info("Studio take {} kept for {} {}", take.id(), language, key);
            caller.playFile(SAVED, "");
            return true;
        } catch (RecordingRefused e) {
            LOG.info("Studio take of {} {} refused ({}); recording it again", language, key, e.reason());
            caller.playFile(StudioScript.INCORRECT, "");
            return false;
        }
    }

    private static void delete(Path wav) {
        try {
            Files.deleteIfExists(wav);
        } catch (IOException e) {
            LOG.warn("Could not delete the studio take {}", wav.getFileName());
        }
    }
}
