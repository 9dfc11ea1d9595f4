package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTimingTest {
    private static final Duration STAND_IN = Duration.ofMillis(1234);

    @TempDir
    Path sounds;

    @Test
    void readsTheLengthFromTheDataChunkAndByteRateNotTheFileSize() throws IOException {
        Path wav = TestSounds.write(sounds, "prs/hotline/welcome", Duration.ofMillis(2750));
        // Trailing bytes after the data chunk (metadata some editors append) do not lengthen the sound.
        Files.write(wav, new byte[4000], StandardOpenOption.APPEND);

        assertThat(WavLength.of(wav)).isEqualTo(Duration.ofMillis(2750));
    }

    @Test
    void rejectsAFileThatIsNoWav() throws IOException {
        Path text = Files.writeString(sounds.resolve("x.wav"), "not a sound at all");

        assertThatThrownBy(() -> WavLength.of(text)).isInstanceOf(IOException.class);
    }

    @Test
    void looksUpTheChannelLanguageFirstThenThePathAsGiven() throws IOException {
        TestSounds.write(sounds, "prs/hotline/purpose", Duration.ofMillis(1600));
        TestSounds.write(sounds, "ps/hotline/purpose", Duration.ofMillis(900));
        TestSounds.write(sounds, "ur/hotline/lang-option", Duration.ofMillis(700));
        PromptTiming timing = PromptTiming.fromSounds(sounds, STAND_IN);

        assertThat(timing.length("hotline/purpose", "prs")).isEqualTo(Duration.ofMillis(1600));
        assertThat(timing.length("hotline/purpose", "ps")).isEqualTo(Duration.ofMillis(900));
        // The language menu names each language's file; it plays whatever the channel language is.
        assertThat(timing.length("ur/hotline/lang-option", "en")).isEqualTo(Duration.ofMillis(700));
        assertThat(timing.length("ur/hotline/lang-option", "prs")).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aMissingOrUnreadableSoundLastsTheStandIn() throws IOException {
        Files.createDirectories(sounds.resolve("prs/hotline"));
        Files.writeString(sounds.resolve("prs/hotline/broken.wav"), "RIFF");
        PromptTiming timing = PromptTiming.fromSounds(sounds, STAND_IN);

        assertThat(timing.length("hotline/nothing", "prs")).isEqualTo(STAND_IN);
        assertThat(timing.length("hotline/broken", "prs")).isEqualTo(STAND_IN);
        assertThat(timing.length("../../etc/passwd", "prs")).isEqualTo(STAND_IN);
        assertThat(PromptTiming.fromSounds(null, STAND_IN).length("hotline/welcome", "prs")).isEqualTo(STAND_IN);
    }

    @Test
    void aFixedTimingIgnoresTheFiles() throws IOException {
        TestSounds.write(sounds, "prs/hotline/welcome", Duration.ofMillis(2000));

        assertThat(PromptTiming.fixed(Duration.ofMillis(40)).length("hotline/welcome", "prs"))
                .isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void findsTheSoundsDirectoryUpwards() throws IOException {
        Path root = sounds.resolve("repo");
        Files.createDirectories(root.resolve("asterisk-conf/sounds"));
        Path module = Files.createDirectories(root.resolve("hotline-agi/target"));

        assertThat(PromptTiming.searchUpwards(module)).contains(root.resolve("asterisk-conf/sounds"));
        assertThat(PromptTiming.searchUpwards(sounds.resolve("elsewhere"))).isEmpty();
    }
}
