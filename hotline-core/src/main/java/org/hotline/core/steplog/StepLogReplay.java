package org.hotline.core.steplog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.call.CallJournal;
import org.hotline.core.storage.NotYetStored;
import org.hotline.core.storage.PatientWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start ({@link StepLog#replayEarlier}), before anything else touches the calls: stores every record a previous run logged (in {@link StepLog})
 * but may not have stored, then deletes the log's segments. Each record is stored at most once: an entry is
 * idempotent on Asterisk's unique id, a step is skipped when the call already has it, an outcome or an end never
 * overwrites one. A kill during the replay leaves the segments, and the next start replays them again to the same
 * result. A torn or damaged record (the kill came in the middle of an append) ends its segment's reading, with one
 * warning: that record's caller had not heard the next prompt yet.
 */
public final class StepLogReplay {
    private static final Logger LOG = LoggerFactory.getLogger(StepLogReplay.class);

    private StepLogReplay() {
    }

    /** What a replay did. */
    public record Result(int segments, int records, int unreadable) {
    }

    /** Replays every segment in {@code dir}; the process must hold the log's lock (tests open no log). */
    static Result replay(Path dir, CallJournal journal) {
        return replay(dir, journal, Long.MAX_VALUE);
    }

    /**
     * Replays the segments in {@code dir} numbered below {@code below} into {@code journal}, then deletes them.
     *
     * @throws UncheckedIOException if a segment cannot be read (then none is deleted)
     */
    static Result replay(Path dir, CallJournal journal, long below) {
        if (!Files.isDirectory(dir)) {
            return new Result(0, 0, 0);
        }
        try {
            List<Path> files = Segment.existing(dir).stream().filter(f -> Segment.numberOf(f) < below).toList();
            Map<String, String> storedIds = new HashMap<>();
            int records = 0;
            int unreadable = 0;
            for (Path file : files) {
                List<StepRecord> found = new ArrayList<>();
                if (!read(file, found)) {
                    unreadable++;
                }
                for (StepRecord record : found) {
                    store(record, journal, storedIds);
                    records++;
                }
            }
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            if (!files.isEmpty()) {
                Segment.forceDirectory(dir);
                LOG.info("Replayed {} call record(s) from {} step-log segment(s)", records, files.size());
            }
            return new Result(files.size(), records, unreadable);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replay the step log in " + dir, e);
        }
    }

    /** Reads the segment's intact records into {@code found}; returns false if it ended in an unreadable frame. */
    static boolean read(Path file, List<StepRecord> found) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        while (true) {
            switch (RecordCodec.next(in)) {
                case RecordCodec.Read.Found f -> found.add(f.record());
                case RecordCodec.Read.End e -> {
                    return true;
                }
                case RecordCodec.Read.Unreadable u -> {
                    LOG.warn("Step-log segment {} ends in {} after {} record(s); the rest of it is ignored",
                            file.getFileName(), u.why(), found.size());
                    return false;
                }
            }
        }
    }

    private static void store(StepRecord record, CallJournal journal, Map<String, String> storedIds) {
        if (record instanceof StepRecord.Entered entered) {
            storedIds.put(entered.callId(), entered.enter(journal));
            return;
        }
        String callId = record.callId();
        String storedId = callId == null ? null : storedIds.getOrDefault(callId, callId);
        try {
            if (record instanceof StepRecord.Ended) {
                record.applyOnce(journal, storedId, List.of());
            } else if (journal.find(storedId).isPresent()) {
                record.applyOnce(journal, storedId, journal.steps(storedId));
            } else {
                LOG.warn("A logged {} belongs to a call that was never stored; it is skipped",
                        record.getClass().getSimpleName());
            }
        } catch (NotYetStored e) {
            LOG.warn("A logged call end belongs to a call that was never stored; it is skipped");
        } catch (RuntimeException e) {
            if (PatientWriter.worthWaitingFor(e)) {
                throw e; // the database went away: keep every segment for the next start
            }
            // The database refuses this record as it refused it live; one bad record must not stop the hotline.
            LOG.warn("A logged {} could not be stored ({}); it is skipped", record.getClass().getSimpleName(),
                    e.getClass().getSimpleName());
        }
    }
}
