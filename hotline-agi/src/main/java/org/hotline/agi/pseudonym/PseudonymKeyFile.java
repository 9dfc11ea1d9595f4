package org.hotline.agi.pseudonym;

import java.nio.file.Path;
import java.util.HexFormat;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the pseudonym key file (outside the database), generating a 256-bit key on first run. */
public final class PseudonymKeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeyFile.class);
    private static final int KEY_BYTES = 32;

    private PseudonymKeyFile() {
    }

    /** The configured key file: {@code pseudonym.key-file}, or {@code <data.dir>/pseudonym.key}. */
    public static Path location(Settings settings) {
        String configured = settings.string("pseudonym.key-file");
        Path file = configured.isEmpty() ? settings.path("data.dir").resolve("pseudonym.key") : Path.of(configured);
        return file.toAbsolutePath().normalize();
    }

    /** Loads the key, creating it with owner-only permissions if it does not exist yet. */
    public static byte[] loadOrCreate(Path file) {
        if (SecretFile.createIfMissing(file, KEY_BYTES)) {
            LOG.info("Generated a new pseudonym key at {} (owner-only); back it up outside the database", file);
        } else {
            LOG.info("Using the pseudonym key at {}", file);
        }
        return HexFormat.of().parseHex(SecretFile.readOrCreate(file, KEY_BYTES).substring(0, KEY_BYTES * 2));
    }
}
