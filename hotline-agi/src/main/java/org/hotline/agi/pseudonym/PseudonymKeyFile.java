package org.hotline.agi.pseudonym;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the pseudonym key file (outside the database). A key is generated only for a database that holds no
 * pseudonyms yet: a missing key next to earlier calls stops the start instead, because a new key would silently
 * break every link to earlier callers. Replacing it on purpose is {@code hotline keys new-pseudonym-key}.
 */
public final class PseudonymKeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeyFile.class);
    /** The key's length: a 256-bit HMAC-SHA-256 key. */
    public static final int KEY_BYTES = 32;
    /** The deliberate way to make a new key, quoted where a missing key stops the start. */
    public static final String NEW_KEY_COMMAND = "./scripts/hotline keys new-pseudonym-key --i-understand-links-break";

    private PseudonymKeyFile() {
    }

    /** The configured key file: {@code pseudonym.key-file}, or {@code <data.dir>/pseudonym.key}. */
    public static Path location(Settings settings) {
        String configured = settings.string("pseudonym.key-file");
        Path file = configured.isEmpty() ? settings.path("data.dir").resolve("pseudonym.key") : Path.of(configured);
        return file.toAbsolutePath().normalize();
    }

    /**
     * Checks the keys before the hotline starts. With a key ring (after a rotation): every live key must be there,
     * and the newest stored pseudonym's key id must be one the ring knows. Without one: an existing key must be
     * valid; a missing one is generated only when {@code newestPseudonym} is empty (a new database), and otherwise
     * stops the start with one sentence naming the file and the command that makes a new key deliberately.
     */
    public static void prepare(Path file, java.util.Optional<String> newestPseudonym) {
        PseudonymKeys keys = PseudonymKeys.load(file);
        // A key id the ring never had (a ring restored from before a rotation, or lost): its sentence, no new key.
        newestPseudonym.map(PseudonymKeys::keyIdOf).filter(id -> !keys.knows(id)).ifPresent(keys::key);
        if (Files.exists(PseudonymKeys.ringFile(file))) {
            keys.liveKeys(); // every live key's file must be there
            return;
        }
        prepare(file, newestPseudonym.isPresent());
    }

    /** The live keys by id, current first: the ring's, or the original key alone (created for a new database). */
    public static java.util.Map<Integer, byte[]> liveKeys(Path file) {
        if (Files.exists(PseudonymKeys.ringFile(file))) {
            return PseudonymKeys.load(file).liveKeys();
        }
        return java.util.Map.of(PseudonymKeys.ORIGINAL, loadOrCreate(file));
    }

    /**
     * Checks the original key before the hotline starts: an existing key must be valid; a missing one is generated
     * only when {@code pseudonymsExist} is false (a new database), and otherwise stops the start with one sentence
     * naming the file and the command that makes a new key deliberately.
     */
    public static void prepare(Path file, boolean pseudonymsExist) {
        if (Files.exists(file)) {
            SecretFile.read(file, KEY_BYTES);
            return;
        }
        if (pseudonymsExist) {
            throw new StartupException("The pseudonym key " + file + " is missing but the database holds calls "
                    + "pseudonymized with it; restore the file from backup (or point HOTLINE_PSEUDONYM_KEY_FILE at it), "
                    + "or make a new key that breaks every link to earlier callers with " + NEW_KEY_COMMAND + ".");
        }
        loadOrCreate(file);
    }

    /** Loads the key, creating it with owner-only permissions if it does not exist yet. */
    public static byte[] loadOrCreate(Path file) {
        if (SecretFile.createIfMissing(file, KEY_BYTES)) {
            LOG.info("Generated a new pseudonym key at {} (owner-only); back it up outside the database", file);
        } else {
            LOG.info("Using the pseudonym key at {}", file);
        }
        return HexFormat.of().parseHex(SecretFile.read(file, KEY_BYTES).substring(0, KEY_BYTES * 2));
    }
}
