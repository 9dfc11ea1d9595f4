package org.hotline.core.steplog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.hotline.core.StartupException;
import org.hotline.core.call.CallJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVR's local, append-only log of call records: {@link #append} returns once the record is forced to disk
 * ({@link java.nio.channels.FileChannel#force}), so a step the caller has moved past survives {@code kill -9} however
 * slow the database is. The database write stays asynchronous; once it is stored the writer {@linkplain
 * Appended#release releases} the record. The log rolls to a new segment file at {@link #segmentBytes} or after
 * {@link #rollAfter}, and a segment whose records are all released is deleted, so the log stays small. Records
 * not released when the process dies are replayed into the database at the next start ({@link StepLogReplay}).
 *
 * <p>Appends from many calls share one force (group commit): whoever forces covers every record written before it.
 */
public final class StepLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StepLog.class);
    /** A few thousand records: at 20 calls a second a segment lasts about a minute. */
    static final long SEGMENT_BYTES = 1024 * 1024;
    static final Duration ROLL_AFTER = Duration.ofMinutes(1);

    private final Path dir;
    private final FileChannel lockFile;
    private final long firstSegment;
    private final long segmentBytes;
    private final Duration rollAfter;
    /** Guards writing, rolling, counting and deleting. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Held by the one thread forcing at a time; the others wait for it and are usually covered by its force. */
    private final ReentrantLock forcing = new ReentrantLock();
    private final java.util.List<Segment> left = new java.util.ArrayList<>();
    private Segment current;
    private long written;
    private volatile long forced;
    /** How many forces ran (guarded by {@link #forcing}); fewer than appends when calls share them. */
    private volatile long forces;
    private boolean closed;

    private StepLog(Path dir, FileChannel lockFile, long segmentBytes, Duration rollAfter, Segment first) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.firstSegment = first.number();
        this.segmentBytes = segmentBytes;
        this.rollAfter = rollAfter;
        this.current = first;
    }

    /** The log of the data directory: {@code <dataDir>/steps}. */
    public static Path directoryIn(Path dataDir) {
        return dataDir.resolve("steps");
    }

    /**
     * Opens the log in {@code dir} (created owner-only if absent) with a new segment after any already there; those
     * are a previous run's, for {@link #replayEarlier}. One process at a time: a second one is refused.
     *
     * @throws StartupException if another process holds the log, or it cannot be created
     */
    public static StepLog open(Path dir) {
        return open(dir, SEGMENT_BYTES, ROLL_AFTER);
    }

    static StepLog open(Path dir, long segmentBytes, Duration rollAfter) {
        FileChannel lockFile = null;
        try {
            createDirectory(dir);
            lockFile = FileChannel.open(dir.resolve("lock"), Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            if (lockFile.tryLock() == null) {
                throw new OverlappingFileLockException();
            }
            List<Path> existing = Segment.existing(dir);
            long next = existing.isEmpty() ? 1 : Segment.numberOf(existing.getLast()) + 1;
            return new StepLog(dir, lockFile, segmentBytes, rollAfter, Segment.create(dir, next));
        } catch (OverlappingFileLockException e) {
            closeQuietly(lockFile);
            throw new StartupException("The step log in " + dir + " is in use by another process; stop it or set "
                    + "HOTLINE_DATA_DIR to another directory.", e);
        } catch (IOException e) {
            closeQuietly(lockFile);
            throw new StartupException("The step log in " + dir + " cannot be used (" + e.getMessage() + ").", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing with a better reason
            }
        }
    }

    /**
     * Stores what a previous run logged but may not have stored (its segments, older than this log's first), then
     * deletes them. Run it before closing the previous run's calls as failed, so they are closed where they were.
     */
    public StepLogReplay.Result replayEarlier(CallJournal journal) {
        return StepLogReplay.replay(dir, journal, firstSegment);
    }

    static void createDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
    }

    /**
     * Appends the record and returns once it is on disk.
     *
     * @throws UncheckedIOException if it could not be written or forced (a full or failing disk)
     */
    public Appended append(StepRecord record) {
        ByteBuffer frame = RecordCodec.frame(record);
        Segment segment;
        long sequence;
        lock.lock();
        try {
            if (closed) {
                throw new UncheckedIOException(new IOException("the step log is closed"));
            }
            rollIfDue();
            segment = current;
            segment.write(frame);
            sequence = ++written;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to the step log", e);
        } finally {
            lock.unlock();
        }
        awaitForced(sequence);
        return new Appended(this, segment);
    }

    private void awaitForced(long sequence) {
        if (forced >= sequence) {
            return;
        }
        forcing.lock();
        try {
            if (forced >= sequence) {
                return; // another append's force covered this one while we waited
            }
            long upTo;
            Segment segment;
            lock.lock();
            try {
                upTo = written;
                segment = current;
            } finally {
                lock.unlock();
            }
            // Records in earlier segments were forced when the log rolled past them.
            segment.force();
            forced = upTo;
            forces++;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not force the step log to disk", e);
        } finally {
            forcing.unlock();
        }
    }

    /** How many times the log was forced to disk (each covering every record written before it). */
    long forces() {
        return forces;
    }

    private void rollIfDue() throws IOException {
        if (current.isEmpty() || !(current.fullerThan(segmentBytes) || current.ageNanos() >= rollAfter.toNanos())) {
            return;
        }
        Segment previous = current;
        previous.force();
        current = Segment.create(dir, previous.number() + 1);
        if (previous.allReleased()) {
            previous.delete();
        } else {
            previous.retire();
            left.add(previous);
        }
    }

    private void release(Segment segment) {
        lock.lock();
        try {
            if (segment.release() && segment != current && left.remove(segment)) {
                segment.delete();
            }
        } catch (IOException e) {
            LOG.warn("Could not delete a step-log segment whose records are all stored ({})", e.toString());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the files. Segments whose records are all stored are deleted; the others stay for the next start to
     * replay.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            int kept = 0;
            // One segment that cannot be deleted or forced must not leave the others open.
            for (Segment segment : concat(left, current)) {
                try {
                    if (segment.allReleased()) {
                        segment.delete();
                    } else {
                        segment.force();
                        segment.close();
                        kept++;
                    }
                } catch (IOException e) {
                    kept++;
                    LOG.warn("Could not close a step-log segment cleanly ({})", e.toString());
                }
            }
            if (kept > 0) {
                LOG.warn("The step log keeps {} segment(s) with records not yet stored; the next start stores them",
                        kept);
            }
        } finally {
            closeQuietly(lockFile);
            lock.unlock();
        }
    }

    private static List<Segment> concat(List<Segment> older, Segment last) {
        List<Segment> all = new java.util.ArrayList<>(older);
        all.add(last);
        return all;
    }

    /** A record on disk; {@link #release} it once the database has stored it. */
    public static final class Appended {
        private final StepLog log;
        private final Segment segment;
        private boolean released;

        private Appended(StepLog log, Segment segment) {
            this.log = log;
            this.segment = segment;
        }

        /** The database has stored the record: the log need not keep it. Releasing twice counts once. */
        public synchronized void release() {
            if (!released) {
                released = true;
                log.release(segment);
            }
        }
    }
}
