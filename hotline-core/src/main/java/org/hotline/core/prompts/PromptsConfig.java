package org.hotline.core.prompts;

import java.nio.file.Path;
import java.time.Duration;
import org.hotline.core.config.Settings;
import org.hotline.core.config.SettingsException;
import org.hotline.core.storage.StorageConfig;

/**
 * The prompt studio's settings ({@code prompts.*} in hotline.properties).
 *
 * @param dir            where recordings are stored: {@code <dir>/<language>/hotline/<key>-<id>.wav}
 * @param asteriskDir    the same folder as Asterisk sees it (what the IVR asks Asterisk to play)
 * @param textsDir       the texts' folder, or null for the texts shipped with this build
 * @param placeholderDir the placeholder sounds made by {@code scripts/prompts}
 * @param phoneDir       where Asterisk records takes by phone (both hosts see it)
 * @param maxLength      the longest recording accepted
 * @param minRms         below this RMS amplitude a recording is silent
 * @param sox            the sox command
 * @param pinAttempts    failed PINs in a row before the PIN locks
 * @param pinLockout     how long a locked PIN stays locked
 */
public record PromptsConfig(Path dir, Path asteriskDir, Path textsDir, Path placeholderDir, Path phoneDir,
                            Duration maxLength, double minRms,
                            String sox, int pinAttempts, Duration pinLockout) {

    public static PromptsConfig from(Settings settings) {
        String dir = settings.string("prompts.dir");
        Path stored = dir.isBlank() ? StorageConfig.from(settings).dataDir().resolve("prompts") : Path.of(dir);
        String asterisk = settings.string("prompts.asterisk-dir");
        double minRms;
        try {
            minRms = Double.parseDouble(settings.string("prompts.min-rms"));
        } catch (NumberFormatException e) {
            throw new SettingsException("setting 'prompts.min-rms' (HOTLINE_PROMPTS_MIN_RMS) must be a number such as "
                    + "0.003, not '" + settings.string("prompts.min-rms") + "'");
        }
        return new PromptsConfig(stored.toAbsolutePath().normalize(),
                asterisk.isBlank() ? stored.toAbsolutePath().normalize() : Path.of(asterisk),
                settings.string("prompts.texts-dir").isBlank() ? null : settings.path("prompts.texts-dir"),
                settings.path("prompts.placeholder-dir").toAbsolutePath().normalize(),
                settings.path("prompts.phone-dir"),
                settings.duration("prompts.max-length"), minRms, settings.string("prompts.sox"),
                settings.integer("prompts.pin-attempts"), settings.duration("prompts.pin-lockout"));
    }

    /** The IVR's texts: from {@link #textsDir} when set, else those shipped with this build. */
    public PromptTexts texts() {
        return textsDir == null ? PromptTexts.bundled() : PromptTexts.fromDirectory(textsDir);
    }

    /** The stored file of a take. */
    public Path file(String language, String fileName) {
        return dir.resolve(language).resolve("hotline").resolve(fileName + ".wav");
    }

    /** What the IVR asks Asterisk to play for a take: an absolute path without its extension. */
    public String asteriskFile(String language, String fileName) {
        return asteriskDir.resolve(language).resolve("hotline").resolve(fileName).toString();
    }

    /** The placeholder sound of a prompt, as {@code scripts/prompts} makes it. */
    public Path placeholder(String language, String key) {
        return placeholderDir.resolve(language).resolve("hotline").resolve(key + ".wav");
    }
}
