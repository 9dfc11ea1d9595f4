package org.hotline.core.steplog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.zip.CRC32C;
import org.hotline.core.call.CallEnd;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.Language;
import org.hotline.core.call.NewCall;
import org.hotline.core.call.Purpose;

/**
 * The on-disk form of a {@link StepRecord}: a frame of {@code [length: int][CRC32C of the payload: int][payload]},
 * the payload starting with the format version and the record's kind. A frame cut short by a kill, or whose
 * checksum does not match, is reported by {@link #next} as unreadable, never as a record.
 */
final class RecordCodec {
    static final byte VERSION = 1;
    static final int HEADER = 8;
    /** Far above any real record (a few hundred bytes); a larger length is a damaged frame. */
    static final int LARGEST_PAYLOAD = 64 * 1024;

    private static final byte ENTERED = 1;
    private static final byte LANGUAGE = 2;
    private static final byte PURPOSE = 3;
    private static final byte REACHED = 4;
    private static final byte HANDED_OFF = 5;
    private static final byte VOICEMAIL = 6;
    private static final byte OUTCOME = 7;
    private static final byte ENDED = 8;

    private RecordCodec() {
    }

    /** The record's whole frame, ready to append. */
    static ByteBuffer frame(StepRecord record) {
        byte[] payload = payload(record);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        return frame;
    }

    /** What {@link #next} found at the buffer's position. */
    sealed interface Read {
        /** A whole, intact record; the buffer is past it. */
        record Found(StepRecord record) implements Read {
        }

        /** Nothing more: the buffer ended exactly at a frame boundary. */
        record End() implements Read {
        }

        /** A frame cut short or damaged (the usual cause: a kill in the middle of an append). */
        record Unreadable(String why) implements Read {
        }
    }

    static Read next(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return new Read.End();
        }
        if (in.remaining() < HEADER) {
            return new Read.Unreadable("a frame header cut short");
        }
        int length = in.getInt();
        int expected = in.getInt();
        if (length <= 0 || length > LARGEST_PAYLOAD) {
            return new Read.Unreadable("an impossible frame length");
        }
        if (in.remaining() < length) {
            return new Read.Unreadable("a record cut short");
        }
        byte[] payload = new byte[length];
        in.get(payload);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        if ((int) crc.getValue() != expected) {
            return new Read.Unreadable("a checksum mismatch");
        }
        try {
            return new Read.Found(decode(payload));
        } catch (IOException | RuntimeException e) {
            return new Read.Unreadable("a record this version cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] payload(StepRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            switch (record) {
                case StepRecord.Entered e -> {
                    NewCall call = e.call();
                    out.writeByte(ENTERED);
                    text(out, call.callId());
                    text(out, call.asteriskUniqueId());
                    text(out, call.dialledNumber());
                    text(out, call.pseudonym());
                    text(out, call.country());
                    time(out, call.enteredAt());
                    // Appended after the first format's fields: a frame written before rotation existed still reads.
                    out.writeShort(call.otherKeys().size());
                    for (String other : call.otherKeys()) {
                        text(out, other);
                    }
                }
                case StepRecord.LanguageChosen l -> {
                    out.writeByte(LANGUAGE);
                    text(out, l.callId());
                    text(out, l.language().code());
                    time(out, l.at());
                }
                case StepRecord.PurposeChosen p -> {
                    out.writeByte(PURPOSE);
                    text(out, p.callId());
                    text(out, p.purpose().code());
                    time(out, p.at());
                }
                case StepRecord.Reached r -> {
                    out.writeByte(REACHED);
                    text(out, r.callId());
                    text(out, r.step().code());
                    time(out, r.at());
                }
                case StepRecord.HandedOff h -> {
                    out.writeByte(HANDED_OFF);
                    text(out, h.callId());
                    text(out, h.operatorTarget());
                    time(out, h.at());
                }
                case StepRecord.VoicemailLeft v -> {
                    out.writeByte(VOICEMAIL);
                    text(out, v.callId());
                    text(out, v.reference());
                    time(out, v.at());
                }
                case StepRecord.Outcome o -> {
                    out.writeByte(OUTCOME);
                    text(out, o.callId());
                    text(out, o.outcome().code());
                    text(out, o.atStep().code());
                    time(out, o.at());
                }
                case StepRecord.Ended e -> {
                    CallEnd end = e.end();
                    out.writeByte(ENDED);
                    text(out, end.asteriskUniqueId());
                    text(out, end.callId());
                    text(out, end.dialStatus());
                    out.writeBoolean(end.talkSeconds() != null);
                    out.writeInt(end.talkSeconds() == null ? 0 : end.talkSeconds());
                    time(out, end.endedAt());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static StepRecord decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IOException("format version " + version);
        }
        byte kind = in.readByte();
        return switch (kind) {
            case ENTERED -> {
                String callId = text(in);
                String uniqueId = text(in);
                String dialled = text(in);
                String pseudonym = text(in);
                String country = text(in);
                Instant entered = time(in);
                java.util.List<String> otherKeys = new java.util.ArrayList<>();
                for (int n = in.available() > 0 ? in.readShort() : 0; n > 0; n--) {
                    otherKeys.add(text(in));
                }
                yield new StepRecord.Entered(new NewCall(callId, uniqueId, dialled, pseudonym, country, entered,
                        otherKeys));
            }
            case LANGUAGE -> new StepRecord.LanguageChosen(text(in), Language.requireCode(text(in)), time(in));
            case PURPOSE -> new StepRecord.PurposeChosen(text(in), Purpose.fromCode(text(in)), time(in));
            case REACHED -> new StepRecord.Reached(text(in), CallStep.fromCode(text(in)), time(in));
            case HANDED_OFF -> new StepRecord.HandedOff(text(in), text(in), time(in));
            case VOICEMAIL -> new StepRecord.VoicemailLeft(text(in), text(in), time(in));
            case OUTCOME -> new StepRecord.Outcome(text(in), CallOutcome.fromCode(text(in)),
                    CallStep.fromCode(text(in)), time(in));
            case ENDED -> {
                String uniqueId = text(in);
                String callId = text(in);
                String dialStatus = text(in);
                boolean hasTalk = in.readBoolean();
                int talk = in.readInt();
                yield new StepRecord.Ended(new CallEnd(uniqueId, callId, dialStatus, hasTalk ? talk : null,
                        time(in)));
            }
            default -> throw new IOException("record kind " + kind);
        };
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void time(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    private static Instant time(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
