package org.hotline.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a prompt plays. By default as long as its sound file really lasts: Asterisk looks a file up under
 * the channel's language first ({@code <sounds>/<language>/<file>.wav}), then as given
 * ({@code <sounds>/<file>.wav}, which is how {@code prs/hotline/lang-option} plays Dari whatever the channel
 * language is). A missing or unreadable file lasts {@code missingSoundTime}. A fixed timing makes every prompt
 * last the same, for tests that say why they need it.
 */
final class PromptTiming {
    /** The stand-in length of a prompt whose sound file is missing. */
    static final Duration DEFAULT_MISSING_SOUND_TIME = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(PromptTiming.class);
    /** Sound files do not change while calls run; thousands of calls read the same few dozen headers. */
    private static final ConcurrentMap<Path, Optional<Duration>> LENGTHS = new ConcurrentHashMap<>();

    private final Duration fixed;
    private final Path soundsDir;
    private final Duration missingSoundTime;

    private PromptTiming(Duration fixed, Path soundsDir, Duration missingSoundTime) {
        this.fixed = fixed;
        this.soundsDir = soundsDir;
        this.missingSoundTime = missingSoundTime;
    }

    /** Every prompt lasts {@code length}, whatever its file. */
    static PromptTiming fixed(Duration length) {
        return new PromptTiming(length, null, Duration.ZERO);
    }

    /** Prompts last as long as their files under {@code soundsDir} (may be null: then every file is missing). */
    static PromptTiming fromSounds(Path soundsDir, Duration missingSoundTime) {
        return new PromptTiming(null, soundsDir, missingSoundTime);
    }

    /** How long {@code file} plays on a channel whose language is {@code language}. */
    Duration length(String file, String language) {
        if (fixed != null) {
            return fixed;
        }
        return soundFile(file, language)
                .flatMap(path -> LENGTHS.computeIfAbsent(path, PromptTiming::read))
                .orElseGet(() -> {
                    log.debug("no readable sound for prompt {} (language {}); it lasts {}", file, language,
                            missingSoundTime);
                    return missingSoundTime;
                });
    }

    /** Whether Asterisk would find {@code file} (always, with a fixed timing: no files are looked at then). */
    boolean exists(String file, String language) {
        return fixed != null || soundFile(file, language).isPresent();
    }

    /** The file Asterisk would play, if it exists. */
    private Optional<Path> soundFile(String file, String language) {
        if (soundsDir == null || file.isBlank() || file.contains("..")) {
            return Optional.empty();
        }
        String relative = file + ".wav";
        if (language != null && !language.isBlank() && !language.contains("/") && !language.contains("..")) {
            Path localized = soundsDir.resolve(language).resolve(relative);
            if (Files.isRegularFile(localized)) {
                return Optional.of(localized);
            }
        }
        Path plain = soundsDir.resolve(relative);
        return Files.isRegularFile(plain) ? Optional.of(plain) : Optional.empty();
    }

    private static Optional<Duration> read(Path path) {
        try {
            return Optional.of(WavLength.of(path));
        } catch (IOException | RuntimeException e) {
            log.debug("cannot read the length of {}: {}", path, e.getMessage());
            return Optional.empty();
        }
    }

    /** The nearest {@code asterisk-conf/sounds} directory at or above the working directory, if any. */
    static Optional<Path> defaultSoundsDir() {
        return DefaultDir.FOUND;
    }

    /** Searched once per JVM: the working directory does not change, and calls are built by the thousand. */
    private static final class DefaultDir {
        static final Optional<Path> FOUND = searchUpwards(Path.of("").toAbsolutePath());
    }

    static Optional<Path> searchUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path sounds = dir.resolve("asterisk-conf").resolve("sounds");
            if (Files.isDirectory(sounds)) {
                return Optional.of(sounds);
            }
        }
        return Optional.empty();
    }
}
