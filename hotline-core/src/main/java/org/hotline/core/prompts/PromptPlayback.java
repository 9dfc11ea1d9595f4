package org.hotline.core.prompts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the IVR plays for each prompt: the approved recording of the current text, as Asterisk finds it (an
 * absolute path without extension), or nothing, meaning the placeholder {@code hotline/<key>}. Held in memory and
 * reloaded when the studio announces a change ({@code PromptsChanged}), so no prompt waits on the database. A
 * reload that fails keeps what was loaded before; before any load succeeded every prompt is its placeholder.
 * A caller never hears silence because of this class.
 */
public final class PromptPlayback {
    private static final Logger LOG = LoggerFactory.getLogger(PromptPlayback.class);

    private final PromptTexts texts;
    private final PromptsConfig config;
    private final Supplier<List<PromptRecording>> approved;
    private volatile Map<String, String> files = Map.of();

    /** @param approved the approved takes, newest first (a database read; may throw when it is down) */
    public PromptPlayback(PromptTexts texts, PromptsConfig config, Supplier<List<PromptRecording>> approved) {
        this.texts = texts;
        this.config = config;
        this.approved = approved;
    }

    /** Only placeholders: for an IVR with no studio (tests, the bench). */
    public static PromptPlayback placeholdersOnly() {
        return new PromptPlayback(null, null, List::of);
    }

    /**
     * Reloads from the database; false (keeping the previous files) when that failed. Blocking. One reload at a time,
     * so a slow read started before a change can never overwrite the result of a read made after it.
     */
    public synchronized boolean refresh() {
        if (texts == null) {
            return true;
        }
        try {
            Map<String, String> next = new HashMap<>();
            for (PromptRecording take : approved.get()) {
                Optional<PromptText> text = texts.text(take.language(), take.key());
                if (text.isPresent() && !take.staleAgainst(text.get())) {
                    next.putIfAbsent(take.language() + "/" + take.key(),
                            config.asteriskFile(take.language(), take.fileName()));
                }
            }
            files = Map.copyOf(next);
            LOG.info("Prompt recordings loaded: {} approved recording(s) play over their placeholders", next.size());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not load the approved prompt recordings ({}); keeping the {} loaded before",
                    e.getClass().getSimpleName(), files.size());
            return false;
        }
    }

    /** The approved recording to play for {@code key} in {@code language}, if there is one. */
    public Optional<String> recorded(String language, String key) {
        return Optional.ofNullable(files.get(language + "/" + key));
    }
}
