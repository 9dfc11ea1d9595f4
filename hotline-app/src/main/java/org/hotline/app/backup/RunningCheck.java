package org.hotline.app.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hotline.core.StartupException;
import org.hotline.core.storage.StorageConfig;

/**
 * Whether a hotline is running on a data directory: its admin socket answers, or (embedded H2) another process
 * holds the database file's lock. A restore must never write under a running hotline.
 */
final class RunningCheck {
    private RunningCheck() {
    }

    static void refuseIfRunning(StorageConfig storage, String what) {
        Path dataDir = storage.dataDir();
        if (AdminSocket.answers(dataDir) || (storage.embedded() && locked(dataDir.resolve("hotline.mv.db")))) {
            throw new StartupException("A hotline is running on " + dataDir + "; stop it first (sudo systemctl stop "
                    + "hotline), then " + what + "; nothing was changed.");
        }
    }

    private static boolean locked(Path database) {
        if (!Files.isRegularFile(database)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very process has it open
        } catch (IOException e) {
            throw new StartupException("The database file " + database + " cannot be checked (" + e.getMessage()
                    + "); run the restore as the hotline's user (sudo -u hotline hotline restore ...).", e);
        }
    }
}
