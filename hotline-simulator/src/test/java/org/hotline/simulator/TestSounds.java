package org.hotline.simulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Writes silent prompt sounds as {@code scripts/prompts} makes them: 8 kHz mono 16-bit PCM WAV. */
final class TestSounds {
    private static final int RATE = 8000;
    private static final int BYTES_PER_SAMPLE = 2;

    private TestSounds() {
    }

    /**
     * Writes {@code <dir>/<file>.wav} lasting {@code length}, with a LIST chunk between fmt and data (as sox
     * writes one) so that a reader must walk the chunks rather than assume a 44-byte header.
     */
    static Path write(Path dir, String file, Duration length) throws IOException {
        int dataBytes = (int) (length.toMillis() * RATE / 1000) * BYTES_PER_SAMPLE;
        byte[] info = "ISFTtest\0\0\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer wav = ByteBuffer.allocate(12 + 24 + 8 + 4 + info.length + 8 + dataBytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(wav.capacity() - 8).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE)
                .putInt(RATE * BYTES_PER_SAMPLE).putShort((short) BYTES_PER_SAMPLE).putShort((short) 16);
        wav.put(ascii("LIST")).putInt(4 + info.length).put(ascii("INFO")).put(info);
        wav.put(ascii("data")).putInt(dataBytes);
        Path path = dir.resolve(file + ".wav");
        Files.createDirectories(path.getParent());
        return Files.write(path, wav.array());
    }

    private static byte[] ascii(String tag) {
        return tag.getBytes(StandardCharsets.US_ASCII);
    }
}
