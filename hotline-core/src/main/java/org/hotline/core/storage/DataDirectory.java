package org.hotline.core.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory, kept private: the directory and every directory under it {@code 0700}, every file in it
 * {@code 0600}, whatever the umask. Java cannot set a process umask, and the files here are written by code that
 * does not ask for modes (H2's database and trace files, the report folders, other features' files), so:
 * <ol>
 *   <li>the directory is created {@code 0700} (an explicit mode at creation, which a umask can only narrow), so
 *       files that briefly carry the umask's looser mode are unreachable to other users: they cannot traverse
 *       the directory;</li>
 *   <li>at start, after the migrations (H2 has created its files by then) and when the database closes, the whole
 *       tree is set owner-only;</li>
 *   <li>while the process runs, {@link #keepPrivate} sets files that appeared since then owner-only within
 *       seconds, so a copy or backup of the tree never carries a world-readable mode.</li>
 * </ol>
 * Symbolic links are not followed. On a file system without POSIX permissions nothing is changed.
 */
public final class DataDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    /** How often a running process sets files other code created owner-only. */
    public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** Paths already reported as unchangeable: the sweep runs every few seconds and says so once. */
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

    private DataDirectory() {
    }

    /**
     * Creates the directory owner-only if it is missing, checks that this process can write in it and sets the
     * tree owner-only; fails with one clear sentence when it cannot.
     */
    public static void prepare(Path dir) {
        try {
            createPrivate(dir);
            FileAttribute<?>[] owner = posix()
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
            Path probe = Files.createTempFile(dir, ".write-probe", ".tmp", owner);
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new StartupException("The data directory " + dir
                    + " is not writable; fix its permissions or set HOTLINE_DATA_DIR to a writable directory.", e);
        } catch (IOException e) {
            throw new StartupException("The data directory " + dir + " cannot be used (" + e.getMessage()
                    + "); set HOTLINE_DATA_DIR to a writable directory.", e);
        }
        try {
            if (posix()) {
                Files.setPosixFilePermissions(dir, DIRECTORY);
            }
        } catch (IOException e) {
            throw new StartupException("The data directory " + dir + " cannot be made owner-only (" + e.getMessage()
                    + "); it must belong to the user the hotline runs as.", e);
        }
        tighten(dir);
    }

    /** Creates {@code dir} and any missing parent owner-only ({@code 0700}); a directory that exists is left as is. */
    public static void createPrivate(Path dir) throws IOException {
        if (posix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Sets {@code dir}, every directory under it to {@code 0700} and every file to {@code 0600}; returns how many
     * it changed. Files that vanish meanwhile (H2's temporary files) and files it may not change are skipped;
     * the latter are logged.
     */
    public static int tighten(Path dir) {
        if (!posix() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        AtomicInteger changed = new AtomicInteger();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    restrict(directory, DIRECTORY, changed);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        restrict(file, FILE, changed);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not check the permissions under {}: {}", dir, e.toString());
        }
        return changed.get();
    }

    /**
     * Sets files created under {@code dir} after start owner-only every {@link #SWEEP_INTERVAL}, on a daemon
     * thread, until the returned handle is closed.
     */
    public static AutoCloseable keepPrivate(Path dir) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("data-dir-permissions").daemon().factory());
        long every = SWEEP_INTERVAL.toMillis();
        sweeper.scheduleWithFixedDelay(() -> {
            int changed = tighten(dir);
            if (changed > 0) {
                LOG.debug("Set {} new path(s) under {} owner-only", changed, dir);
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        return sweeper::shutdownNow;
    }

    private static void restrict(Path path, Set<PosixFilePermission> wanted, AtomicInteger changed) {
        try {
            if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
                changed.incrementAndGet();
            }
        } catch (NoSuchFileException e) {
            // Gone between listing and changing it: nothing left to protect.
        } catch (IOException e) {
            if (WARNED.add(path)) {
                LOG.warn("Could not make {} owner-only: {}", path, e.toString());
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
