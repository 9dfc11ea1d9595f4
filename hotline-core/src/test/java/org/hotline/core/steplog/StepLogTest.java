package org.hotline.core.steplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.core.StartupException;
import org.hotline.core.call.CallEnd;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.Language;
import org.hotline.core.call.NewCall;
import org.hotline.core.call.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The step log's file format and segments, on a real file system. */
class StepLogTest {
    private static final Logger LOG = LoggerFactory.getLogger(StepLogTest.class);
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00.123456789Z");

    @TempDir
    Path dataDir;

    private Path dir() {
        return StepLog.directoryIn(dataDir);
    }

    static List<StepRecord> everyKind(String callId) {
        return List.of(
                new StepRecord.Entered(new NewCall(callId, "1765094400." + callId.hashCode(), "1098", "pseudonym-"
                        + callId, "AF", T0)),
                new StepRecord.LanguageChosen(callId, Language.URDU, T0.plusSeconds(1)),
                new StepRecord.PurposeChosen(callId, Purpose.DANGER, T0.plusSeconds(2)),
                new StepRecord.Reached(callId, CallStep.QUEUED, T0.plusSeconds(3)),
                new StepRecord.HandedOff(callId, "PJSIP/1001", T0.plusSeconds(4)),
                new StepRecord.VoicemailLeft(callId, "message-" + callId + ".wav", T0.plusSeconds(5)),
                new StepRecord.Outcome(callId, CallOutcome.FALLBACK, CallStep.QUEUED, T0.plusSeconds(6)),
                new StepRecord.Ended(new CallEnd("1765094400.9", callId, null, null, T0.plusSeconds(7))),
                new StepRecord.Ended(new CallEnd("1765094400.9", null, "ANSWER", 42, T0.plusSeconds(8))));
    }

    private static List<StepRecord> read(Path file) throws IOException {
        List<StepRecord> found = new ArrayList<>();
        StepLogReplay.read(file, found);
        return found;
    }

    private static Path onlySegment(Path dir) throws IOException {
        List<Path> segments = Segment.existing(dir);
        assertThat(segments).hasSize(1);
        return segments.getFirst();
    }

    @Test
    void anEntryWrittenBeforeKeyRotationExistedStillReads() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(1); // the format version
            out.writeByte(1); // an entry, as the first format wrote it: no other keys' pseudonyms after the time
            for (String text : new String[] {"call-1", "1765094400.1", "1098", "pseudonym-1", "AF"}) {
                out.writeBoolean(true);
                out.writeUTF(text);
            }
            out.writeLong(T0.getEpochSecond());
            out.writeInt(T0.getNano());
        }
        byte[] payload = bytes.toByteArray();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(payload);
        java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocate(8 + payload.length);
        frame.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();

        assertThat(RecordCodec.next(frame)).isEqualTo(new RecordCodec.Read.Found(new StepRecord.Entered(
                new NewCall("call-1", "1765094400.1", "1098", "pseudonym-1", "AF", T0))));
        // And an entry in a rotation's overlap keeps the caller's pseudonyms under the other live keys.
        StepRecord inOverlap = new StepRecord.Entered(new NewCall("call-2", "1765094400.2", "1098", "k2:"
                + "ab".repeat(32), "AF", T0, List.of("cd".repeat(32))));
        assertThat(RecordCodec.next(RecordCodec.frame(inOverlap))).isEqualTo(new RecordCodec.Read.Found(inOverlap));
    }

    @Test
    void everyKindOfRecordReadsBackAsWritten() throws IOException {
        List<StepRecord> records = everyKind("call-1");
        try (StepLog log = StepLog.open(dir())) {
            records.forEach(log::append);
            assertThat(read(onlySegment(dir()))).containsExactlyElementsOf(records);
        }
    }

    @Test
    void theLogAndItsFilesAreTheOwnersOnly() throws IOException {
        try (StepLog log = StepLog.open(dir())) {
            log.append(everyKind("call-1").getFirst());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir()))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(onlySegment(dir()))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aRecordCutShortByAKillIsIgnoredAndTheOnesBeforeItAreRead() throws IOException {
        List<StepRecord> records = everyKind("call-1");
        Path segment;
        try (StepLog log = StepLog.open(dir())) {
            records.forEach(log::append);
            segment = onlySegment(dir());
        }
        // closing released nothing, so the segment stays; cut its last record at every possible length
        long whole = Files.size(segment);
        int lastFrame = RecordCodec.frame(records.getLast()).remaining();
        for (int cut = 1; cut < lastFrame; cut++) {
            Path torn = dataDir.resolve("torn-" + cut);
            Files.copy(segment, torn);
            try (FileChannel channel = FileChannel.open(torn, StandardOpenOption.WRITE)) {
                channel.truncate(whole - cut);
            }
            List<StepRecord> found = new ArrayList<>();
            assertThat(StepLogReplay.read(torn, found)).as("cut %d bytes short", cut).isFalse();
            assertThat(found).containsExactlyElementsOf(records.subList(0, records.size() - 1));
        }
    }

    @Test
    void aRecordWhoseChecksumDoesNotMatchEndsTheReading() throws IOException {
        List<StepRecord> records = everyKind("call-1");
        Path segment;
        try (StepLog log = StepLog.open(dir())) {
            records.forEach(log::append);
            segment = onlySegment(dir());
        }
        // One bit flipped inside the third record's payload.
        int offset = RecordCodec.frame(records.get(0)).remaining() + RecordCodec.frame(records.get(1)).remaining()
                + RecordCodec.HEADER + 5;
        byte[] bytes = Files.readAllBytes(segment);
        bytes[offset] ^= 0x10;
        Files.write(segment, bytes);

        List<StepRecord> found = new ArrayList<>();
        assertThat(StepLogReplay.read(segment, found)).isFalse();
        assertThat(found).containsExactlyElementsOf(records.subList(0, 2));
    }

    @Test
    void aSegmentIsDeletedOnceEveryRecordInItIsReleased() throws IOException {
        try (StepLog log = StepLog.open(dir(), 1, Duration.ofHours(1))) {
            // A one-byte limit: every append after the first rolls to a new segment.
            StepLog.Appended first = log.append(everyKind("call-1").get(0));
            StepLog.Appended second = log.append(everyKind("call-1").get(1));
            StepLog.Appended third = log.append(everyKind("call-1").get(2));
            assertThat(Segment.existing(dir())).hasSize(3);
            second.release();
            assertThat(Segment.existing(dir())).hasSize(2);
            first.release();
            first.release(); // twice counts once
            assertThat(Segment.existing(dir())).hasSize(1);
            third.release(); // the current segment stays open until the log rolls past it or closes
            assertThat(Segment.existing(dir())).hasSize(1);
        }
        assertThat(Segment.existing(dir())).isEmpty();
    }

    @Test
    void aSegmentOlderThanTheRollTimeIsLeftForANewOne() throws IOException {
        try (StepLog log = StepLog.open(dir(), StepLog.SEGMENT_BYTES, Duration.ZERO)) {
            log.append(everyKind("call-1").get(0)).release();
            log.append(everyKind("call-1").get(1));
            // the first segment, all released, was deleted when the log rolled past it
            assertThat(Segment.existing(dir())).hasSize(1);
            assertThat(Segment.numberOf(Segment.existing(dir()).getFirst())).isEqualTo(2);
        }
        assertThat(Segment.existing(dir())).hasSize(1);
    }

    @Test
    void aNewLogStartsAfterTheSegmentsAlreadyThere() throws IOException {
        try (StepLog log = StepLog.open(dir())) {
            log.append(everyKind("call-1").get(0));
        }
        try (StepLog log = StepLog.open(dir())) {
            log.append(everyKind("call-2").get(0));
            assertThat(Segment.existing(dir()).stream().map(Segment::numberOf)).containsExactly(1L, 2L);
        }
    }

    @Test
    void oneProcessAtATime() {
        try (StepLog log = StepLog.open(dir())) {
            assertThatThrownBy(() -> StepLog.open(dir())).isInstanceOf(StartupException.class)
                    .hasMessageContaining("in use by another process");
        }
        StepLog.open(dir()).close();
    }

    @Test
    void replayingAtStartLeavesTheNewLogsOwnSegmentAlone() throws IOException {
        try (StepLog previous = StepLog.open(dir())) {
            previous.append(everyKind("call-1").get(0));
        }
        try (StepLog log = StepLog.open(dir())) {
            log.append(everyKind("call-2").get(0));
            // No database: the previous run's entry cannot be stored, so the replay fails before deleting anything.
            assertThatThrownBy(() -> log.replayEarlier(null)).isInstanceOf(NullPointerException.class);
            assertThat(Segment.existing(dir()).stream().map(Segment::numberOf)).containsExactly(1L, 2L);
            Files.delete(Segment.existing(dir()).getFirst());
            assertThat(log.replayEarlier(null).segments()).isZero();
            assertThat(read(onlySegment(dir()))).containsExactly(everyKind("call-2").get(0));
        }
    }

    @Test
    void manyCallsAppendingAtOnceAreAllReadBack() throws Exception {
        int calls = 64;
        List<Future<?>> appends = new ArrayList<>();
        try (StepLog log = StepLog.open(dir()); var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                String callId = "call-" + i;
                appends.add(threads.submit(() -> everyKind(callId).forEach(log::append)));
            }
            for (Future<?> append : appends) {
                append.get();
            }
            long took = System.nanoTime() - start;
            LOG.info("{} records from {} calls at once in {} ms: {} forces, {} µs per record", calls * 9, calls,
                    took / 1_000_000, log.forces(), took / (calls * 9L) / 1000);
            assertThat(log.forces()).as("appends made at once share a force").isLessThan(calls * 9L);
        }
        List<StepRecord> found = read(onlySegment(dir()));
        assertThat(found).hasSize(calls * 9);
        for (int i = 0; i < calls; i++) {
            String callId = "call-" + i;
            // each call's records in its own order
            assertThat(found.stream().filter(r -> callId.equals(r.callId())))
                    .containsExactlyElementsOf(everyKind(callId).subList(0, 8));
        }
    }

    @Test
    void oneCallsAppendsOneAfterAnother() throws IOException {
        int records = 500;
        try (StepLog log = StepLog.open(dir())) {
            StepRecord record = everyKind("call-1").get(1);
            for (int i = 0; i < 50; i++) {
                log.append(record).release(); // warm up
            }
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                log.append(record).release();
            }
            long perAppend = (System.nanoTime() - start) / records;
            LOG.info("append + force, one at a time: {} µs each", perAppend / 1000);
        }
        assertThat(Segment.existing(dir())).isEmpty();
    }

    @Test
    void aFrameLongerThanAnyRecordIsUnreadable() {
        ByteBuffer frame = ByteBuffer.allocate(12).putInt(RecordCodec.LARGEST_PAYLOAD + 1).putInt(0).putInt(0).flip();
        assertThat(RecordCodec.next(frame)).isInstanceOf(RecordCodec.Read.Unreadable.class);
    }
}
