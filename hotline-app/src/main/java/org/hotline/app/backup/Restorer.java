package org.hotline.app.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.hotline.agi.pseudonym.PseudonymKeys;
import org.hotline.core.StartupException;
import org.hotline.core.storage.DataDirectory;
import org.hotline.core.storage.Database;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.JooqAuditTrail;

/**
 * Restores a backup into the configured data directory (and pseudonym key file and voice-message folder), with the
 * hotline stopped. It refuses while a hotline runs there, then decrypts and checks the whole archive in a staging
 * folder; only an archive that passes every check changes anything. Files it replaces are moved aside into
 * {@code <data dir>/replaced-<time>/}, never deleted. Then the database is opened (migrations move it forward to
 * this version) and the restore is audited.
 */
public final class Restorer {
    static final String PSEUDONYM_KEY_ENTRY = "pseudonym.key";
    /** The key ring and the keys after the original: files beside the original key file. */
    static final String PSEUDONYM_KEYS_PREFIX = "pseudonym-keys/";
    static final String VOICEMAIL_PREFIX = "voicemail/";
    static final String STEPS_PREFIX = "steps/";
    static final String ACTION = "backup-restored";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final BackupConfig config;

    public Restorer(BackupConfig config) {
        this.config = config;
    }

    /** Restores {@code archive}; answers one sentence saying what was restored. */
    public String restore(Path archive) {
        RunningCheck.refuseIfRunning(config.storage(), "restore");
        char[] passphrase = config.passphrase();
        if (!Files.isRegularFile(archive)) {
            throw new StartupException("There is no backup file " + archive + "; nothing was changed.");
        }
        Path dataDir = config.storage().dataDir();
        boolean created = !Files.exists(dataDir);
        Path staging = null;
        boolean placing = false;
        try {
            DataDirectory.createPrivate(dataDir);
            staging = Files.createTempDirectory(dataDir, ".restore-");
            BackupArchive.Opened opened = BackupArchive.open(archive, passphrase, staging);
            String kind = opened.manifest().get("database");
            if (!kind.equals(config.storage().embedded() ? "h2" : "postgresql")) {
                throw new StartupException("The backup " + archive + " holds a " + kind + " database but this hotline "
                        + "is configured for " + (config.storage().embedded() ? "the embedded one" : "PostgreSQL")
                        + " (HOTLINE_DB_URL); nothing was changed.");
            }
            // Checked again just before writing: a hotline may have been started while the archive was checked.
            RunningCheck.refuseIfRunning(config.storage(), "restore");
            placing = true;
            Path aside = dataDir.resolve("replaced-" + STAMP.format(Instant.now()));
            if (Files.isDirectory(dataDir.resolve("steps"))) {
                // The step log belongs to the database being replaced: replayed into the restored one it would add
                // that run's records.
                move(dataDir.resolve("steps"), aside.resolve("steps"));
            }
            Path ring = PseudonymKeys.ringFile(config.pseudonymKey());
            if (Files.exists(ring) && !opened.files().containsKey(PSEUDONYM_KEYS_PREFIX + ring.getFileName())) {
                // A ring from after the backup names keys the restored calls never used (and may call the
                // restored key destroyed): the backup's own keys apply.
                move(ring, aside.resolve(ring.getFileName().toString()));
            }
            for (Map.Entry<String, Path> file : opened.files().entrySet()) {
                String name = file.getKey();
                if (name.equals(DatabaseDump.POSTGRES_ENTRY)) {
                    DatabaseDump.restorePostgres(config.storage(), file.getValue());
                } else {
                    place(file.getValue(), destination(name), aside.resolve(name));
                }
            }
            DataDirectory.tighten(dataDir);
            try (Database database = Database.open(config.storage())) {
                new JooqAuditTrail(database.dsl()).record(new AuditEvent(Instant.now(), null, "command-line", ACTION,
                        BackupMaker.SUBJECT_TYPE, archive.getFileName().toString()));
            }
            return "Restored " + archive + " (made " + opened.manifest().get("created") + " by Hotline "
                    + opened.manifest().get("hotline-version") + ") into " + dataDir
                    + (Files.exists(aside) ? "; the files it replaced are in " + aside : "")
                    + "; the database is migrated to this version; audited. Start the hotline.";
        } catch (IOException e) {
            throw new StartupException((placing ? "The restore stopped while writing (" : "The backup could not be "
                    + "checked (") + e.getMessage() + ")" + (placing ? "; the replaced files are in "
                    + dataDir.resolve("replaced-*") + "." : "; nothing was changed."), e);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
            if (staging != null) {
                BackupMaker.deleteTree(staging);
            }
            if (created && !placing) {
                BackupMaker.deleteTree(dataDir);
            }
        }
    }

    private Path destination(String entry) {
        Path dataDir = config.storage().dataDir();
        return switch (entry) {
            case DatabaseDump.H2_ENTRY -> dataDir.resolve("hotline.mv.db");
            case DatabaseDump.H2_PASSWORD_ENTRY -> dataDir.resolve("db.password");
            case PSEUDONYM_KEY_ENTRY -> config.pseudonymKey();
            default -> {
                if (entry.startsWith(VOICEMAIL_PREFIX)) {
                    yield config.voicemailDir().resolve(entry.substring(VOICEMAIL_PREFIX.length()));
                }
                if (entry.startsWith(PSEUDONYM_KEYS_PREFIX)) {
                    String name = entry.substring(PSEUDONYM_KEYS_PREFIX.length());
                    String original = config.pseudonymKey().getFileName().toString();
                    if (name.matches(java.util.regex.Pattern.quote(original) + "\\.(ring|[0-9]{1,6})")) {
                        yield config.pseudonymKey().resolveSibling(name);
                    }
                }
                if (entry.startsWith(STEPS_PREFIX)) {
                    yield dataDir.resolve("steps").resolve(entry.substring(STEPS_PREFIX.length()));
                }
                throw new StartupException("The backup holds an entry this version does not know (" + entry
                        + "); restore it with the version that made it.");
            }
        };
    }

    private static void place(Path staged, Path target, Path aside) throws IOException {
        if (Files.exists(target)) {
            if (Files.size(target) == Files.size(staged) && Files.mismatch(target, staged) == -1) {
                return; // the same file (a voice message kept since the backup)
            }
            move(target, aside);
        }
        move(staged, target);
    }

    private static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another file system (the voice-message folder): copy, then remove.
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            Files.delete(from);
        }
    }
}
