package org.hotline.app.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.hotline.agi.pseudonym.PseudonymKeyFile;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.hotline.core.config.SettingsException;
import org.hotline.core.storage.StorageConfig;

/**
 * The backup settings ({@code backup.*} in hotline.properties) and where a backup's parts live.
 *
 * @param keyFile       the passphrase file, outside the data directory; null when not set
 * @param dir           where archives are written
 * @param nightly       whether the running hotline makes one every night
 * @param time          local time of the nightly backup
 * @param zone          the hotline's time zone
 * @param keep          how many archives the nightly run keeps
 * @param storage       the database and data directory
 * @param pseudonymKey  the caller-pseudonym key file
 * @param voicemailDir  where Asterisk records voice messages
 */
public record BackupConfig(Path keyFile, Path dir, boolean nightly, LocalTime time, ZoneId zone, int keep,
                           StorageConfig storage, Path pseudonymKey, Path voicemailDir) {
    private static final int MIN_PASSPHRASE = 16;

    public static BackupConfig from(Settings settings) {
        StorageConfig storage = StorageConfig.from(settings);
        String key = settings.string("backup.key-file");
        String dir = settings.string("backup.dir");
        int keep = settings.integer("backup.keep");
        if (keep < 1) {
            throw new SettingsException("setting 'backup.keep' (HOTLINE_BACKUP_KEEP) must be at least 1, not " + keep);
        }
        LocalTime time;
        try {
            time = LocalTime.parse(settings.string("backup.time"));
        } catch (DateTimeParseException e) {
            throw new SettingsException("setting 'backup.time' (HOTLINE_BACKUP_TIME) must be a time of day such as "
                    + "01:30, not '" + settings.string("backup.time") + "'");
        }
        return new BackupConfig(key.isBlank() ? null : Path.of(key).toAbsolutePath().normalize(),
                dir.isBlank() ? storage.dataDir().resolve("backups") : Path.of(dir).toAbsolutePath().normalize(),
                settings.bool("backup.nightly"), time, ZoneId.of(settings.string("time-zone")), keep, storage,
                PseudonymKeyFile.location(settings), Path.of(settings.string("ivr.voicemail.dir")).toAbsolutePath()
                        .normalize());
    }

    /**
     * The passphrase, read from {@code keyFile}; one sentence when it is not set, unreadable, too short, or inside
     * the data directory (a backup of the directory would then carry its own key).
     */
    char[] passphrase() {
        if (keyFile == null) {
            throw new StartupException("No backup key is set: put a passphrase in a file outside the data directory "
                    + "(head -c 32 /dev/urandom | base64 > /etc/hotline/backup.key), readable by the hotline's user "
                    + "only, and set backup.key-file (HOTLINE_BACKUP_KEY_FILE) to it.");
        }
        if (inside(keyFile, storage.dataDir())) {
            throw new StartupException("The backup key " + keyFile + " is inside the data directory "
                    + storage.dataDir() + "; move it outside (for example to /etc/hotline/backup.key), so a copy of "
                    + "the data directory never carries the key to its backups.");
        }
        String line;
        try {
            line = Files.readAllLines(keyFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new StartupException("The backup key " + keyFile + " cannot be read (" + e.getMessage()
                    + "); fix backup.key-file (HOTLINE_BACKUP_KEY_FILE) or its permissions.", e);
        }
        if (line.length() < MIN_PASSPHRASE) {
            throw new StartupException("The backup key " + keyFile + " holds a passphrase shorter than "
                    + MIN_PASSPHRASE + " characters; make a strong one: head -c 32 /dev/urandom | base64 > " + keyFile);
        }
        return line.toCharArray();
    }

    private static boolean inside(Path file, Path dir) {
        try {
            Path real = Files.exists(file) ? file.toRealPath() : file;
            Path realDir = Files.exists(dir) ? dir.toRealPath() : dir;
            return real.startsWith(realDir) || file.startsWith(dir);
        } catch (IOException e) {
            return file.startsWith(dir);
        }
    }
}
