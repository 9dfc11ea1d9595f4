package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prompts take as long as their sound over the real wire: Asterisk-Java's FastAGI server against the fake. Wall
 * times are checked as lower bounds only (a loaded machine may be slower, never faster), and the cut point
 * through {@code endpos}, which counts the samples played (8 per millisecond).
 */
class RealTimePromptTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LONG = Duration.ofMillis(1500);

    @TempDir
    static Path sounds;
    private static TestAgiServer server;

    @BeforeAll
    static void start() throws IOException {
        TestSounds.write(sounds, "en/hotline/long", LONG);
        TestSounds.write(sounds, "ps/hotline/long", Duration.ofMillis(800));
        server = TestAgiServer.start(Map.of(
                "play", (request, channel) -> playThenListen(channel),
                "pashto", (request, channel) -> {
                    channel.setVariable("CHANNEL(language)", "ps");
                    playThenListen(channel);
                }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void playThenListen(AgiChannel channel) throws AgiException {
        AgiReply reply = channel.sendCommand(new StreamFileCommand("hotline/long", "12"));
        channel.setVariable("RESULT", reply.getResult());
        channel.setVariable("ENDPOS", reply.getAttribute("endpos"));
        char next = channel.waitForDigit(300);
        channel.setVariable("NEXT", next == 0 ? "none" : String.valueOf(next));
    }

    private static FakeCall.Builder call(String script) {
        return server.call(script).soundsDir(sounds);
    }

    @Test
    void aPromptLastsAsLongAsItsSound() {
        long start = System.nanoTime();
        CallRecord record = call("play").build().run(TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(LONG);
        assertThat(record.variables()).containsEntry("RESULT", "0").containsEntry("ENDPOS", "12000");
    }

    @Test
    void anEscapeDigitCutsThePromptWhereItIsPressed() {
        long start = System.nanoTime();
        CallRecord record = call("play").pressDuring("hotline/long", '2', Duration.ofMillis(400)).build().run(TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(record.variables()).containsEntry("RESULT", "50").containsEntry("ENDPOS", "3200")
                .containsEntry("NEXT", "none");
    }

    @Test
    void aKeyThatIsNoEscapeDigitNeitherCutsThePromptNorReachesTheNextCommand() {
        long start = System.nanoTime();
        CallRecord record = call("play").pressDuring("hotline/long", '9', Duration.ofMillis(400)).press('4')
                .build().run(TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(LONG);
        assertThat(record.variables()).containsEntry("RESULT", "0").containsEntry("ENDPOS", "12000")
                .containsEntry("NEXT", "4");
    }

    @Test
    void aMissingSoundLastsTheStandIn() {
        long start = System.nanoTime();
        CallRecord record = call("play").soundsDir(sounds.resolve("nothing-here"))
                .missingSoundTime(Duration.ofMillis(700)).build().run(TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(record.variables()).containsEntry("ENDPOS", "5600");
    }

    @Test
    void promptsPlayInTheLanguageTheServerSets() {
        CallRecord record = call("pashto").build().run(TIMEOUT);

        assertThat(record.variables()).containsEntry("ENDPOS", "6400");
    }

    @Test
    void instantPromptsTakeNoTime() {
        CallRecord record = call("play").instantPrompts("checks the zero-time mode itself").build().run(TIMEOUT);

        assertThat(record.variables()).containsEntry("ENDPOS", "0");
    }
}
