package org.hotline.core.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks and converts a recording with sox, as a subprocess: blocking, so call it from a worker or virtual thread.
 * The result is what {@code scripts/prompts} makes and Asterisk plays: 8 kHz, mono, 16-bit signed PCM WAV.
 * Resampling down to 8 kHz and mixing down to mono are safe and done; a rate below 8 kHz (the sound would only
 * get worse), anything sox cannot read, a take too long or too quiet is refused.
 */
public final class SoxAudio {
    /** Asterisk's telephony rate. */
    public static final int RATE = 8000;
    private static final Duration SOX_LIMIT = Duration.ofSeconds(60);
    private static final Pattern RMS = Pattern.compile("RMS\\s+amplitude:\\s+([0-9.eE+-]+)");

    private final String sox;
    private final Duration maxLength;
    private final double minRms;

    public SoxAudio(PromptsConfig config) {
        this(config.sox(), config.maxLength(), config.minRms());
    }

    public SoxAudio(String sox, Duration maxLength, double minRms) {
        this.sox = sox;
        this.maxLength = maxLength;
        this.minRms = minRms;
    }

    /**
     * Converts {@code input} into {@code output} (a new file, 8 kHz mono 16-bit WAV) after checking it; returns the
     * length in milliseconds.
     */
    public int normalise(Path input, Path output) throws RecordingRefused {
        Result info = run(List.of(sox, "--i", "-r", input.toString()));
        int rate;
        try {
            rate = (int) Math.round(Double.parseDouble(info.out().strip()));
        } catch (NumberFormatException e) {
            rate = -1;
        }
        if (info.code() != 0 || rate <= 0) {
            throw new RecordingRefused(RecordingRefused.Reason.NOT_AUDIO,
                    "This file is not audio that can be read (use WAV, FLAC, OGG or MP3).");
        }
        if (rate < RATE) {
            throw new RecordingRefused(RecordingRefused.Reason.SAMPLE_RATE, "This recording's sample rate is "
                    + rate + " Hz, below the 8000 Hz the phone line plays: record it again at 8000 Hz or more.");
        }
        Result length = run(List.of(sox, "--i", "-D", input.toString()));
        double seconds = parse(length.out());
        if (length.code() != 0 || seconds <= 0) {
            throw new RecordingRefused(RecordingRefused.Reason.NOT_AUDIO, "This file holds no audio.");
        }
        if (seconds * 1000 > maxLength.toMillis()) {
            throw new RecordingRefused(RecordingRefused.Reason.TOO_LONG, String.format(Locale.ROOT,
                    "This recording lasts %.1f s; a prompt may last at most %d s.", seconds, maxLength.toSeconds()));
        }
        Result converted = run(List.of(sox, "-V1", input.toString(), "-r", String.valueOf(RATE), "-c", "1", "-b", "16",
                "-e", "signed-integer", "-t", "wav", output.toString()));
        if (converted.code() != 0) {
            throw new RecordingRefused(RecordingRefused.Reason.NOT_AUDIO, "This file could not be converted to the "
                    + "phone line's format; export it as WAV and try again.");
        }
        Result stat = run(List.of(sox, output.toString(), "-n", "stat"));
        Matcher rms = RMS.matcher(stat.out());
        if (stat.code() != 0 || !rms.find()) {
            throw new RecordingRefused(RecordingRefused.Reason.NOT_AUDIO, "The converted recording could not be read.");
        }
        if (Double.parseDouble(rms.group(1)) < minRms) {
            throw new RecordingRefused(RecordingRefused.Reason.SILENT,
                    "This recording is silent (or almost): check the microphone and record it again.");
        }
        return (int) Math.round(parse(run(List.of(sox, "--i", "-D", output.toString())).out()) * 1000);
    }

    /** The length of a WAV file in milliseconds, or -1 when sox cannot read it. */
    public int lengthMs(Path file) {
        Result result = run(List.of(sox, "--i", "-D", file.toString()));
        double seconds = parse(result.out());
        return result.code() == 0 && seconds >= 0 ? (int) Math.round(seconds * 1000) : -1;
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private record Result(int code, String out) {
    }

    /** Runs sox with stdout and stderr together (sox stat writes to stderr). */
    private Result run(List<String> command) {
        List<String> args = new ArrayList<>(command);
        Process process;
        try {
            process = new ProcessBuilder(args).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("sox could not be started ('" + sox + "'): install it (apt-get install "
                    + "sox) or set prompts.sox", e);
        }
        try (InputStream in = process.getInputStream()) {
            process.getOutputStream().close();
            byte[] out = in.readNBytes(64 * 1024);
            if (!process.waitFor(SOX_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            return new Result(-1, "");
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "");
        }
    }
}
