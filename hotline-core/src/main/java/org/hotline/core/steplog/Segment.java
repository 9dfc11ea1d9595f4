package org.hotline.core.steplog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of the step log: records appended at its end, forced to disk on demand, and counted, so the file can be
 * deleted once every record in it is stored in the database. Not thread-safe: {@link StepLog} guards it.
 */
final class Segment {
    private static final Pattern NAME = Pattern.compile("steps-(\\d{12})\\.log");

    private final Path file;
    private final long number;
    private final long openedAt = System.nanoTime();
    private final FileChannel channel;
    private long size;
    private int appended;
    private int released;
    private volatile boolean deleted;
    /** Forced and closed: see {@link #retire}. */
    private volatile boolean retired;

    private Segment(Path file, long number, FileChannel channel) {
        this.file = file;
        this.number = number;
        this.channel = channel;
    }

    /** Creates segment {@code number} in {@code dir}, readable and writable by the owner only. */
    static Segment create(Path dir, long number) throws IOException {
        Path file = dir.resolve(String.format("steps-%012d.log", number));
        FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rw-------")));
        // The new name must survive a crash too, or the records forced into the file could not be found.
        forceDirectory(dir);
        return new Segment(file, number, channel);
    }

    /** The segment files in {@code dir}, oldest first. */
    static List<Path> existing(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var listing = Files.list(dir)) {
            listing.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).sorted().forEach(files::add);
        }
        return files;
    }

    static long numberOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a step-log segment");
        }
        return Long.parseLong(m.group(1));
    }

    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    void write(ByteBuffer frame) throws IOException {
        int length = frame.remaining();
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            // Cut a half-written frame off (a full disk, say): replay stops at a torn frame, and would otherwise
            // drop every record appended after it.
            channel.truncate(size);
            channel.position(size);
            throw e;
        }
        size += length;
        appended++;
    }

    /** Forces what was written to disk; a segment deleted meanwhile had been forced before it was left. */
    void force() throws IOException {
        if (retired) {
            return;
        }
        try {
            channel.force(false);
        } catch (ClosedChannelException e) {
            if (!deleted) {
                throw e;
            }
        }
    }

    /** Counts one of its records stored; returns whether all are. */
    boolean release() {
        released++;
        return allReleased();
    }

    boolean allReleased() {
        return released == appended;
    }

    boolean isEmpty() {
        return appended == 0;
    }

    boolean fullerThan(long bytes) {
        return size >= bytes;
    }

    long ageNanos() {
        return System.nanoTime() - openedAt;
    }

    long number() {
        return number;
    }

    Path file() {
        return file;
    }

    void close() throws IOException {
        channel.close();
    }

    /**
     * Forces and closes a segment that is left with records still to be stored: it takes no more appends, and
     * deleting it later needs only its path, so its file descriptor is not held meanwhile.
     */
    void retire() throws IOException {
        force();
        retired = true;
        channel.close();
    }

    void delete() throws IOException {
        deleted = true;
        channel.close();
        Files.deleteIfExists(file);
    }
}
