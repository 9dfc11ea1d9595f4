package org.hotline.simulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * RECORD FILE as res_agi.c's {@code handle_recordfile} does it, for a caller who speaks for a while and then falls
 * silent: {@code RECORD FILE <file> <format> <escape digits> <timeout ms> [offset] [BEEP] [s=<silence s>]}. The file
 * {@code <file>.<format>} is created first ({@code ast_writefile}; failing that, {@code 200 result=-1 (writefile)});
 * the take then lasts, in real time, until {@code s=} seconds of silence follow the speech or the timeout passes
 * ({@code -1}: none), whichever is first. After silence Asterisk rewinds the stream by the silence less one second
 * ({@code ast_stream_rewind(fs, silence - 1000)}) and truncates it, so the file keeps one second of it. The answer is
 * {@code 200 result=0 (timeout) endpos=<samples>}. Only WAV is written: the voice is a 440 Hz tone.
 */
final class RecordedTake {
    private static final int RATE = 8000;

    private RecordedTake() {
    }

    static String record(AgiCommand command, long timeoutMs, Duration speech, CommandResponder.Pause pause) {
        String file = command.args().get(0);
        String format = command.args().get(1);
        long silenceMs = -1;
        for (int i = 4; i < command.args().size(); i++) {
            String arg = command.args().get(i);
            if (arg.startsWith("s=")) {
                silenceMs = (long) (Double.parseDouble(arg.substring(2)) * 1000);
            }
        }
        Path path = Path.of(file + "." + format);
        if (!Files.isDirectory(path.toAbsolutePath().getParent())) {
            return "200 result=-1 (writefile)";
        }
        long speechMs = speech.toMillis();
        long untilSilence = silenceMs > 0 ? speechMs + silenceMs : Long.MAX_VALUE;
        long takeMs = Math.min(timeoutMs < 0 ? Long.MAX_VALUE : timeoutMs, untilSilence);
        if (takeMs == Long.MAX_VALUE) {
            takeMs = speechMs + 5000;
        }
        pause.pause(Duration.ofMillis(takeMs));
        long keptMs = takeMs == untilSilence ? speechMs + Math.min(silenceMs, 1000) : takeMs;
        try {
            Files.write(path, wav(Math.min(speechMs, keptMs), keptMs));
        } catch (IOException e) {
            return "200 result=-1 (writefile)";
        }
        return "200 result=0 (timeout) endpos=" + keptMs * RATE / 1000;
    }

    /** 8 kHz mono 16-bit PCM: {@code voiceMs} of tone, then silence up to {@code totalMs}. */
    private static byte[] wav(long voiceMs, long totalMs) {
        int samples = (int) (totalMs * RATE / 1000);
        int voice = (int) (voiceMs * RATE / 1000);
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort(i < voice ? (short) (Math.sin(2 * Math.PI * 440 * i / RATE) * 10_000) : 0);
        }
        return b.array();
    }
}
