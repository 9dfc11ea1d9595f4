package org.hotline.agi.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.core.call.CallSummary;
import org.hotline.simulator.CallRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller who hangs up at the beep leaves Asterisk's bare WAV header (44 bytes, format_wav.c write_header): no
 * message. The fake Asterisk writes no files, so the test writes what Asterisk would, where RECORD FILE says.
 */
class VoiceMessageAudioTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);
    private static final Pattern RECORD_FILE = Pattern.compile("RECORD FILE \"([^\"]+)\" \"wav\".*");

    @TempDir
    Path dataDir;
    @TempDir
    Path recordings;

    @Test
    void aRecordingWithoutAudioIsNotListedAndIsDeleted() {
        Recorded recorded = callAndHangUpDuringTheRecording(44);

        assertThat(recorded.summary().voicemailRef()).as("not on the operators' list").isNull();
        assertThat(recorded.file()).doesNotExist();
    }

    @Test
    void aRecordingWithAudioIsListedAndKept() {
        Recorded recorded = callAndHangUpDuringTheRecording(44 + 8_000);

        assertThat(recorded.summary().voicemailRef()).isEqualTo(recorded.summary().callId() + ".wav");
        assertThat(recorded.file()).exists();
    }

    private record Recorded(CallSummary summary, Path file) {
    }

    /** Runs a call to the voice-message path; at RECORD FILE, "Asterisk" writes {@code bytes} and the caller hangs up. */
    private Recorded callAndHangUpDuringTheRecording(int bytes) {
        Path[] written = new Path[1];
        try (IvrHarness ivr = IvrHarness.start(dataDir, Map.of("ivr.hold.max", "200ms",
                "ivr.voicemail.dir", recordings.toString()));
             FakeDispatch dispatch = ivr.dispatch()) {
            // About the file the recording leaves, not timing: 300 ms prompts take the caller to RECORD FILE quickly.
            CallRecord call = ivr.callKnowingTheMenus('1', '2').playbackTime(Duration.ofMillis(300))
                    .hangupWhen(command -> {
                        Matcher m = RECORD_FILE.matcher(command);
                        if (!m.matches()) {
                            return false;
                        }
                        written[0] = Path.of(m.group(1) + ".wav");
                        try {
                            Files.write(written[0], new byte[bytes]);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return true;
                    }).build().run(CALL_LIMIT);
            assertThat(written[0]).as("the call reached RECORD FILE").isNotNull();
            CallSummary summary = ivr.settled(call.uniqueId());
            return new Recorded(summary, written[0]);
        }
    }
}
