package org.hotline.app.backup;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.reports.schedule.NightlyScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups inside the running hotline: the admin socket through which {@code hotline backup} asks for one, and, in
 * the process that runs the reports, the nightly backup at {@code backup.time} (after the nightly report and purge)
 * keeping the newest {@code backup.keep}. The backup itself runs on a virtual thread, never on an event loop.
 */
public final class Backups implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private final Vertx vertx;
    private final BackupConfig config;
    private final BackupMaker maker;
    private final AdminSocket socket;
    private final java.time.Clock clock;
    private final ExecutorService job = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("backup-job")
            .factory());
    private volatile long timerId = -1;
    private volatile boolean stopped;

    private Backups(Vertx vertx, BackupConfig config, BackupMaker maker, AdminSocket socket, java.time.Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.config = config;
        this.maker = maker;
        this.socket = socket;
    }

    /** Opens the admin socket and, when {@code nightly} (this process runs the reports), schedules the backups. */
    public static Backups start(Settings settings, Vertx vertx, Database database, boolean nightly) {
        return start(settings, vertx, database, nightly, java.time.Clock.systemUTC());
    }

    static Backups start(Settings settings, Vertx vertx, Database database, boolean nightly, java.time.Clock clock) {
        BackupConfig config = BackupConfig.from(settings);
        BackupMaker maker = new BackupMaker(config, database);
        Backups backups = new Backups(vertx, config, maker, AdminSocket.open(config.storage().dataDir(), maker),
                clock);
        if (nightly && config.nightly()) {
            if (config.keyFile() == null) {
                LOG.warn("No nightly backup: backup.key-file (HOTLINE_BACKUP_KEY_FILE) is not set; the README's "
                        + "\"Backup and restore\" says how");
            } else {
                config.passphrase(); // a bad key file stops the start now, not at night
                backups.scheduleNext();
            }
        }
        return backups;
    }

    /** The running hotline's admin socket, for other features' commands. */
    public AdminSocket adminSocket() {
        return socket;
    }

    private void scheduleNext() {
        if (stopped) {
            return;
        }
        ZonedDateTime due = NightlyScheduler.nextRun(ZonedDateTime.now(clock.withZone(config.zone())), config.time());
        long delay = Math.max(1, Duration.between(clock.instant(), due.toInstant()).toMillis());
        timerId = vertx.setTimer(delay, id -> {
            try {
                job.execute(this::nightly);
            } catch (RejectedExecutionException e) {
                LOG.debug("Backups are stopping; the nightly backup is skipped");
            }
            scheduleNext();
        });
        LOG.info("Next nightly backup at {} into {}", due, config.dir());
    }

    private void nightly() {
        try {
            maker.make("system");
            int deleted = maker.prune();
            if (deleted > 0) {
                LOG.info("Deleted {} old backup(s), keeping the newest {}", deleted, config.keep());
            }
        } catch (RuntimeException e) {
            LOG.error("The nightly backup failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        socket.close();
        job.shutdown();
        try {
            if (!job.awaitTermination(60, TimeUnit.SECONDS)) {
                job.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.shutdownNow();
        }
    }
}
