package org.hotline.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly backup: at backup.time in the hotline's time zone the running hotline writes one, audited as done by
 * the system, and keeps only the newest backup.keep. The clock is set ten seconds before backup.time.
 */
class NightlyBackupTest {
    @TempDir
    Path dir;

    @Test
    void atBackupTimeABackupIsWrittenAuditedAndOnlyTheNewestAreKept() throws Exception {
        Path data = dir.resolve("data");
        Path backups = Files.createDirectories(data.resolve("backups"));
        for (String stamp : List.of("20200101T013000Z", "20200102T013000Z", "20200103T013000Z")) {
            Files.writeString(backups.resolve(BackupMaker.PREFIX + stamp + BackupMaker.SUFFIX), "old");
        }
        Path key = Files.writeString(dir.resolve("key"), "nightly backup passphrase, long enough\n");
        Settings settings = Settings.defaultSettings().with(Map.of("data.dir", data.toString(),
                "backup.key-file", key.toString(), "backup.keep", "2", "backup.time", "01:30",
                "ivr.voicemail.dir", dir.resolve("voicemail").toString()));
        ZoneId zone = ZoneId.of(settings.string("time-zone"));
        Vertx vertx = Vertx.vertx();
        try (Database database = Database.open(StorageConfig.from(settings));
             Backups ignored = Backups.start(settings, vertx, database, true, tenSecondsBefore(LocalTime.of(1, 30),
                     zone))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> names(backups).size() == 2
                    && names(backups).stream().anyMatch(name -> !name.startsWith(BackupMaker.PREFIX + "2020")));
            assertThat(names(backups)).contains(BackupMaker.PREFIX + "20200103T013000Z" + BackupMaker.SUFFIX)
                    .anyMatch(name -> !name.startsWith(BackupMaker.PREFIX + "2020"));
            assertThat(database.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("backup-made")
                    .and(AUDIT_EVENTS.ACTOR_ROLE.eq("system")))).isEqualTo(1);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** A clock that reads ten seconds before {@code time} today (a margin for a loaded machine), running on. */
    private static Clock tenSecondsBefore(LocalTime time, ZoneId zone) {
        Instant target = LocalDate.now(zone).atTime(time).atZone(zone).toInstant().minusSeconds(10);
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target));
    }

    private static List<String> names(Path backups) throws java.io.IOException {
        try (Stream<Path> files = Files.list(backups)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(BackupMaker.SUFFIX)).toList();
        }
    }
}
