package org.hotline.simulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * How long a WAV file plays, read from its RIFF header: the {@code data} chunk's size divided by the
 * {@code fmt } chunk's byte rate. Other chunks (LIST, fact, ...) are skipped, as a player would.
 */
final class WavLength {
    private static final int MAX_CHUNKS = 64;

    private WavLength() {
    }

    /**
     * The playing time of {@code file}.
     *
     * @throws IOException if the file cannot be read or is not a PCM-style WAV with a byte rate and data
     */
    static Duration of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer riff = read(channel, 0, 12);
            if (riff.getInt(0) != tag("RIFF") || riff.getInt(8) != tag("WAVE")) {
                throw new IOException("not a RIFF/WAVE file");
            }
            long position = 12;
            long byteRate = 0;
            for (int chunks = 0; chunks < MAX_CHUNKS && position + 8 <= channel.size(); chunks++) {
                ByteBuffer header = read(channel, position, 8);
                int id = header.getInt();
                long size = Integer.toUnsignedLong(header.getInt());
                long body = position + 8;
                if (id == tag("fmt ")) {
                    ByteBuffer format = read(channel, body, 16);
                    byteRate = Integer.toUnsignedLong(format.getInt(8));
                } else if (id == tag("data")) {
                    if (byteRate == 0) {
                        throw new IOException("data chunk before a fmt chunk with a byte rate");
                    }
                    // A streamed writer leaves the size at 0 or 0xFFFFFFFF: then the data runs to the end of the file.
                    long available = channel.size() - body;
                    long bytes = size == 0 || size == 0xFFFFFFFFL ? available : Math.min(size, available);
                    return Duration.ofNanos(Math.round(bytes * 1e9 / byteRate));
                }
                // Chunks are padded to an even length.
                position = body + size + (size & 1);
            }
            throw new IOException("no data chunk");
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("truncated header");
            }
        }
        return buffer.flip();
    }

    /** A four-character chunk id as the little-endian int it reads as. */
    private static int tag(String id) {
        return ByteBuffer.wrap(id.getBytes(StandardCharsets.US_ASCII))
                .order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
