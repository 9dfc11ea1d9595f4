package org.hotline.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.CALLS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of a running hotline (its online database copy, pseudonym key and voice messages, encrypted) and their
 * restore: into a new data directory, refused under a running hotline, and refused whole, changing nothing, for a
 * damaged archive or the wrong key. The restore drill under real traffic, through the packaged jar's commands, is
 * hotline-acceptance's RestoreDrillTest.
 */
class BackupRestoreTest {
    private static final String CALLER = "+93700555123";

    @TempDir
    Path dir;

    @Test
    void aBackupOfARunningHotlineRestoresIntoANewDataDirectoryWhereCallersStillLink() throws IOException {
        Path key = passphrase("key", "correct horse battery staple, twice over");
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("voicemail"));
        Files.writeString(data.resolve("voicemail").resolve("message-1.wav"), "RIFF pretend audio");
        BackupMaker.Made made;
        String pseudonym;
        try (Hotline hotline = TestHotline.start(data, Map.of("backup.key-file", key.toString()))) {
            call(hotline);
            pseudonym = pseudonymOf(hotline.database());
            String answer = AdminSocket.ask(data, "backup").orElseThrow();
            assertThat(answer).startsWith("ok Backup written to " + data.resolve("backups"));
            made = new BackupMaker.Made(Path.of(answer.replaceFirst("^ok Backup written to (\\S+) .*$", "$1")), 0, 0);
            assertThat(made.file()).exists().hasFileName(made.file().getFileName().toString());
            assertThat(hotline.database().dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("backup-made")
                    .and(AUDIT_EVENTS.SUBJECT_ID.eq(made.file().getFileName().toString())))).isEqualTo(1);
        }

        Path restored = dir.resolve("restored");
        String sentence = new Restorer(config(restored, key)).restore(made.file());

        assertThat(sentence).startsWith("Restored " + made.file()).contains("into " + restored);
        assertThat(restored.resolve("voicemail").resolve("message-1.wav")).hasContent("RIFF pretend audio");
        assertThat(restored.resolve("pseudonym.key")).hasSameBinaryContentAs(data.resolve("pseudonym.key"));
        try (Hotline hotline = TestHotline.start(restored, Map.of("backup.key-file", key.toString()))) {
            assertThat(hotline.database().dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("backup-restored")))
                    .isEqualTo(1);
            call(hotline);
            assertThat(hotline.database().dsl().fetchCount(CALLS, CALLS.CALLER_PSEUDONYM.eq(pseudonym)))
                    .as("the caller's call before the backup and after the restore, under one pseudonym").isEqualTo(2);
        }
    }

    @Test
    void aBackupAfterARotationCarriesEveryLiveKeyAndTheRestoredCallersStillLinkAcrossIt() throws IOException {
        Path key = passphrase("key", "correct horse battery staple, twice over");
        Path data = dir.resolve("data");
        Path archive;
        try (Hotline hotline = TestHotline.start(data, Map.of("backup.key-file", key.toString()))) {
            call(hotline);
            assertThat(AdminSocket.ask(data, "pseudonym-rotate").orElseThrow()).startsWith("ok The pseudonym key k2");
            call(hotline);
            await().atMost(Duration.ofSeconds(30)).until(() -> hotline.database().dsl().fetchCount(CALLS) == 2);
            String answer = AdminSocket.ask(data, "backup").orElseThrow();
            archive = Path.of(answer.replaceFirst("^ok Backup written to (\\S+) .*$", "$1"));
        }

        Path restored = dir.resolve("restored");
        new Restorer(config(restored, key)).restore(archive);
        for (String file : new String[] {"pseudonym.key", "pseudonym.key.2", "pseudonym.key.ring"}) {
            assertThat(restored.resolve(file)).as(file).hasSameBinaryContentAs(data.resolve(file));
            assertThat(Files.getPosixFilePermissions(restored.resolve(file))).as(file)
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        try (Hotline hotline = TestHotline.start(restored, Map.of("backup.key-file", key.toString()))) {
            call(hotline);
            var dsl = hotline.database().dsl();
            await().atMost(Duration.ofSeconds(30)).until(() -> dsl.fetchCount(CALLS) == 3);
            String latest = dsl.select(CALLS.ID).from(CALLS).orderBy(CALLS.ENTERED_AT.desc()).limit(1)
                    .fetchSingle(CALLS.ID);
            assertThat(new org.hotline.core.call.JooqCallJournal(dsl, "test").earlierCallsOf(latest))
                    .as("both earlier calls, under k1 and k2, link to the call after the restore").isEqualTo(2);
        }
    }

    @Test
    void aRestoreIsRefusedWhileAHotlineRunsOnTheDataDirectory() throws IOException {
        Path key = passphrase("key", "correct horse battery staple, twice over");
        Path data = dir.resolve("data");
        try (Hotline hotline = TestHotline.start(data, Map.of("backup.key-file", key.toString()))) {
            Path archive = Path.of(AdminSocket.ask(data, "backup").orElseThrow()
                    .replaceFirst("^ok Backup written to (\\S+) .*$", "$1"));
            Map<String, String> before = snapshot(data.resolve("backups"));

            assertThatThrownBy(() -> new Restorer(config(data, key)).restore(archive))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("A hotline is running on " + data + "; stop it first (sudo systemctl stop hotline), "
                            + "then restore; nothing was changed.");
            assertThat(snapshot(data.resolve("backups"))).isEqualTo(before);
            try (Stream<Path> files = Files.list(data)) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("replaced-")
                        || f.startsWith(".restore-"));
            }
            assertThat(hotline.database().isReachable()).isTrue();
        }
    }

    @Test
    void aDamagedArchiveOrTheWrongKeyIsOneSentenceAndChangesNothing() throws IOException {
        Path key = passphrase("key", "correct horse battery staple, twice over");
        Path data = dir.resolve("data");
        Path archive;
        try (Hotline hotline = TestHotline.start(data, Map.of("backup.key-file", key.toString()))) {
            call(hotline);
            archive = Path.of(AdminSocket.ask(data, "backup").orElseThrow()
                    .replaceFirst("^ok Backup written to (\\S+) .*$", "$1"));
        }
        // The target: an existing hotline's stopped data directory, which a failed restore must leave as it was.
        Path target = dir.resolve("target");
        TestHotline.start(target, Map.of()).close();
        Map<String, String> before = snapshot(target);

        byte[] bytes = Files.readAllBytes(archive);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x01;
        Path damaged = Files.write(dir.resolve("damaged.pgp"), flipped);
        Path truncated = Files.write(dir.resolve("truncated.pgp"), java.util.Arrays.copyOf(bytes, bytes.length - 40));
        Path notABackup = Files.writeString(dir.resolve("notes.pgp"), "just some text");

        for (Path bad : new Path[] {damaged, truncated, notABackup}) {
            assertThatThrownBy(() -> new Restorer(config(target, key)).restore(bad))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("The backup " + bad + " is damaged or incomplete (it fails its integrity check); "
                            + "nothing was changed.");
            assertThat(snapshot(target)).as("after %s", bad.getFileName()).isEqualTo(before);
        }
        Path otherKey = passphrase("other-key", "a different passphrase, also long");
        assertThatThrownBy(() -> new Restorer(config(target, otherKey)).restore(archive))
                .isInstanceOf(StartupException.class)
                .hasMessage("The backup " + archive + " was not made with this backup key (the passphrase in "
                        + "backup.key-file does not open it); nothing was changed.");
        assertThat(snapshot(target)).isEqualTo(before);

        Path fresh = dir.resolve("never-made");
        assertThatThrownBy(() -> new Restorer(config(fresh, otherKey)).restore(archive))
                .isInstanceOf(StartupException.class);
        assertThat(fresh).as("a new data directory is not left behind by a failed restore").doesNotExist();
    }

    @Test
    void theBackupKeyMustLiveOutsideTheDataDirectory() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path inside = passphrase("data/backup.key", "correct horse battery staple, twice over");
        assertThatThrownBy(() -> config(data, inside).passphrase()).isInstanceOf(StartupException.class)
                .hasMessageContaining("is inside the data directory");
        assertThatThrownBy(() -> TestHotline.start(data, Map.of("backup.key-file", inside.toString())))
                .isInstanceOf(StartupException.class).hasMessageContaining("is inside the data directory");
    }

    @Test
    void theNightlyRunKeepsTheNewestBackups() throws IOException {
        Path key = passphrase("key", "correct horse battery staple, twice over");
        Path data = dir.resolve("data");
        Path backups = Files.createDirectories(data.resolve("backups"));
        for (String stamp : new String[] {"20261201T013000Z", "20261202T013000Z", "20261203T013000Z"}) {
            Files.writeString(backups.resolve(BackupMaker.PREFIX + stamp + BackupMaker.SUFFIX), "old");
        }
        Files.writeString(backups.resolve("keep-me.txt"), "not a backup");
        BackupConfig config = BackupConfig.from(Settings.defaultSettings().with(Map.of("data.dir", data.toString(),
                "backup.key-file", key.toString(), "backup.keep", "2")));

        assertThat(new BackupMaker(config, null).prune()).isEqualTo(1);

        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "hotline-backup-20261202T013000Z.pgp", "hotline-backup-20261203T013000Z.pgp", "keep-me.txt");
        }
    }

    private static void call(Hotline hotline) {
        FakeCall.builder("127.0.0.1", hotline.agiPort()).callerId(CALLER).pressDuringMenus('1', '2').build()
                .run(Duration.ofSeconds(60));
    }

    private static String pseudonymOf(Database database) {
        return database.dsl().select(CALLS.CALLER_PSEUDONYM).from(CALLS).where(CALLS.CALLER_PSEUDONYM.isNotNull())
                .fetchOne(CALLS.CALLER_PSEUDONYM);
    }

    private BackupConfig config(Path data, Path key) {
        return BackupConfig.from(Settings.defaultSettings().with(Map.of("data.dir", data.toString(),
                "backup.key-file", key.toString(), "ivr.voicemail.dir", data.resolve("voicemail").toString())));
    }

    private Path passphrase(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text + "\n");
    }

    /** Every file under {@code root} with its size and last change: what a failed restore must not alter. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.toList()) {
                files.put(root.relativize(file).toString(), Files.isRegularFile(file)
                        ? Files.size(file) + " " + Files.getLastModifiedTime(file) + " "
                        + (Files.size(file) < 1_000_000 ? java.util.Arrays.hashCode(Files.readAllBytes(file)) : "")
                        : "dir");
            }
        }
        return files;
    }
}
