package org.hotline.app.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.hotline.agi.pseudonym.PseudonymKeys;
import org.hotline.core.StartupException;
import org.hotline.core.storage.DataDirectory;
import org.hotline.core.storage.Database;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one encrypted backup of a hotline that may be taking calls: the database (an online, consistent copy), the
 * embedded database's password, the caller-pseudonym key, the voice messages and the step log's unstored records.
 * Written under a temporary name and renamed when whole, so a half-written backup never looks like one; audited.
 * One at a time per process.
 */
public final class BackupMaker {
    private static final Logger LOG = LoggerFactory.getLogger(BackupMaker.class);
    static final String PREFIX = "hotline-backup-";
    static final String SUFFIX = ".pgp";
    static final String ACTION = "backup-made";
    static final String SUBJECT_TYPE = "backup";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final BackupConfig config;
    private final Database database;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public BackupMaker(BackupConfig config, Database database) {
        this.config = config;
        this.database = database;
    }

    /** What a backup made: its file, its size and how many voice messages it holds. */
    public record Made(Path file, long bytes, int voiceMessages) {
        /** One sentence for the person who asked. */
        public String sentence() {
            return "Backup written to " + file + " (" + Math.max(1, bytes / 1024) + " KiB, " + voiceMessages
                    + " voice message(s)), encrypted with the backup key; audited.";
        }
    }

    /** Makes a backup now; {@code actorRole} is the audit row's role ("command-line" or "system"). */
    public Made make(String actorRole) {
        char[] passphrase = config.passphrase();
        oneAtATime.lock();
        Path work = null;
        try {
            DataDirectory.createPrivate(config.dir());
            work = Files.createTempDirectory(config.dir(), ".work-");
            Instant now = Instant.now();
            Map<String, Path> parts = new LinkedHashMap<>(DatabaseDump.dump(config.storage(), database.dsl(), work));
            if (Files.isRegularFile(config.pseudonymKey())) {
                parts.put(Restorer.PSEUDONYM_KEY_ENTRY, config.pseudonymKey());
            }
            // After a rotation: the ring and every live key after the original, or restored callers stop linking.
            for (Path file : PseudonymKeys.load(config.pseudonymKey()).files()) {
                if (!file.equals(config.pseudonymKey())) {
                    parts.put(Restorer.PSEUDONYM_KEYS_PREFIX + file.getFileName(), file);
                }
            }
            int voiceMessages = addTree(parts, config.voicemailDir(), Restorer.VOICEMAIL_PREFIX);
            // After the database copy: records the copy already holds are stored at most once when replayed.
            addTree(parts, config.storage().dataDir().resolve("steps"), Restorer.STEPS_PREFIX);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("format", "hotline-backup-1");
            facts.put("created", now.toString());
            facts.put("database", config.storage().embedded() ? "h2" : "postgresql");
            facts.put("hotline-version", version());
            facts.put("schema-version", SchemaVersion.of(database.dsl()));
            Path target = config.dir().resolve(PREFIX + STAMP.format(now) + SUFFIX);
            Path partial = work.resolve("archive.part");
            BackupArchive.write(partial, passphrase, facts, parts);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            DataDirectory.tighten(config.dir());
            new JooqAuditTrail(database.dsl()).record(new AuditEvent(now, null, actorRole, ACTION, SUBJECT_TYPE,
                    target.getFileName().toString()));
            Made made = new Made(target, Files.size(target), voiceMessages);
            LOG.info("Backup written to {} ({} bytes, {} voice message(s))", target, made.bytes(), voiceMessages);
            return made;
        } catch (IOException e) {
            throw new StartupException("The backup could not be written to " + config.dir() + " (" + e.getMessage()
                    + "); check the free space and permissions of backup.dir.", e);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
            oneAtATime.unlock();
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    /** Deletes all but the newest {@code keep} backups in the backup folder; answers how many went. */
    public int prune() {
        try (Stream<Path> files = Files.list(config.dir())) {
            List<Path> backups = files.filter(f -> f.getFileName().toString().startsWith(PREFIX)
                    && f.getFileName().toString().endsWith(SUFFIX)).sorted(Comparator.reverseOrder()).toList();
            int deleted = 0;
            for (Path old : backups.subList(Math.min(config.keep(), backups.size()), backups.size())) {
                Files.delete(old);
                deleted++;
            }
            return deleted;
        } catch (IOException e) {
            LOG.warn("Old backups in {} could not be deleted: {}", config.dir(), e.toString());
            return 0;
        }
    }

    private static int addTree(Map<String, Path> parts, Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int count = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                parts.put(prefix + dir.relativize(file).toString().replace('\\', '/'), file);
                count++;
            }
        }
        return count;
    }

    static String version() {
        String version = BackupMaker.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("The temporary folder {} could not be deleted: {}", dir, e.toString());
        }
    }
}
