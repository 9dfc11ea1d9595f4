package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.simulator.CallerInput.Entry;
import org.hotline.simulator.CallerInput.Press;
import org.hotline.simulator.CallerInput.PressDuring;
import org.junit.jupiter.api.Test;

/** Replies without a socket: the pauses are recorded instead of slept. */
class CommandResponderTest {
    private final List<Duration> pauses = new ArrayList<>();

    private CommandResponder responder(Entry... input) {
        return new CommandResponder(new CallerInput(List.of(input)), Map.of("PRESET", "x"), Duration.ofMillis(300),
                pauses::add);
    }

    private static String reply(CommandResponder responder, String line) {
        return responder.respond(AgiCommand.parse(line));
    }

    @Test
    void answersChannelCommandsLikeAsterisk() {
        CommandResponder responder = responder();

        assertThat(reply(responder, "ANSWER")).isEqualTo("200 result=0");
        assertThat(reply(responder, "SET MUSIC ON \"default\"")).isEqualTo("200 result=0");
        assertThat(reply(responder, "VERBOSE \"hello\" 1")).isEqualTo("200 result=0");
        assertThat(reply(responder, "EXEC \"Wait\" \"1\"")).isEqualTo("200 result=0");
        assertThat(reply(responder, "NOOP")).isEqualTo("200 result=0");
        assertThat(reply(responder, "SAY NUMBER 5 \"\"")).isEqualTo("200 result=0");
        assertThat(reply(responder, "channel status")).isEqualTo("200 result=6");
        assertThat(reply(responder, "DATABASE GET \"a\" \"b\"")).isEqualTo("510 Invalid or unknown command");
    }

    @Test
    void answersMissingArgumentsWithAUsageBlock() {
        String reply = reply(responder(), "WAIT FOR DIGIT");

        assertThat(reply.lines().toList()).hasSize(3);
        assertThat(reply).startsWith("520-").contains("\n520 End of proper usage.");
        assertThat(reply(responder(), "WAIT FOR DIGIT soon")).startsWith("520-");
    }

    @Test
    void storesAndReadsVariables() {
        CommandResponder responder = responder();

        assertThat(reply(responder, "SET VARIABLE \"NAME\" \"a value\"")).isEqualTo("200 result=1");
        assertThat(reply(responder, "GET VARIABLE \"NAME\"")).isEqualTo("200 result=1 (a value)");
        assertThat(reply(responder, "GET VARIABLE PRESET")).isEqualTo("200 result=1 (x)");
        assertThat(reply(responder, "GET VARIABLE \"MISSING\"")).isEqualTo("200 result=0");
        assertThat(reply(responder, "GET FULL VARIABLE \"${NAME}-${PRESET}\"")).isEqualTo("200 result=1 (a value-x)");
        assertThat(reply(responder, "GET FULL VARIABLE \"${MISSING}\"")).isEqualTo("200 result=0");
        assertThat(responder.variables()).containsEntry("NAME", "a value").containsEntry("PRESET", "x");
    }

    @Test
    void streamFilePlaysOrIsInterrupted() {
        CommandResponder responder = responder(new PressDuring("hotline/welcome", '2'));

        assertThat(reply(responder, "STREAM FILE \"hotline/other\" \"12\"")).isEqualTo("200 result=0 endpos=8000");
        assertThat(reply(responder, "STREAM FILE \"hotline/welcome\" \"12\"")).isEqualTo("200 result=50 endpos=4000");
        assertThat(pauses).containsExactly(Duration.ofMillis(300), Duration.ofMillis(150));
        assertThat(responder.prompts()).containsExactly("hotline/other", "hotline/welcome");
    }

    @Test
    void getOptionListensAfterPlayback() {
        CommandResponder responder = responder(new Press("3"));

        assertThat(reply(responder, "GET OPTION \"hotline/purpose\" \"1234\" 2000")).isEqualTo("200 result=51 endpos=8000");
        assertThat(reply(responder, "GET OPTION \"hotline/purpose\" \"1234\"")).isEqualTo("200 result=0 endpos=8000");
        assertThat(pauses).containsExactly(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(5000));
    }

    @Test
    void waitForDigitTimesOutForTheRequestedTimeAtMostAMinute() {
        CommandResponder responder = responder(new Press("#"));

        assertThat(reply(responder, "WAIT FOR DIGIT 2500")).isEqualTo("200 result=35");
        assertThat(reply(responder, "WAIT FOR DIGIT 2500")).isEqualTo("200 result=0");
        assertThat(reply(responder, "WAIT FOR DIGIT -1")).isEqualTo("200 result=0");
        assertThat(reply(responder, "WAIT FOR DIGIT 999999")).isEqualTo("200 result=0");
        assertThat(pauses).containsExactly(Duration.ofMillis(2500), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void getDataReturnsTheKeysOrATimeout() {
        CommandResponder responder = responder(new Press("123"));

        assertThat(reply(responder, "GET DATA \"hotline/code\" 4000 2")).isEqualTo("200 result=12");
        assertThat(reply(responder, "GET DATA \"hotline/code\" 4000 2")).isEqualTo("200 result= (timeout)");
        assertThat(pauses).containsExactly(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(4000));
    }

    @Test
    void recordFileRemembersTheFileAndRecordsAtMostASecond() {
        CommandResponder responder = responder();

        assertThat(reply(responder, "RECORD FILE \"voicemail/123\" \"wav\" \"#\" 120000 0 BEEP s=5"))
                .isEqualTo("200 result=0 endpos=8000");
        assertThat(reply(responder, "RECORD FILE \"voicemail/124\" \"wav\" \"#\" 200")).isEqualTo("200 result=0 endpos=8000");
        assertThat(responder.prompts()).containsExactly("voicemail/123", "voicemail/124");
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(200));
    }

    @Test
    void playbackThroughExecIsRecordedAsPrompts() {
        CommandResponder responder = responder();

        assertThat(reply(responder, "EXEC \"Playback\" \"hotline/a&hotline/b,noanswer\"")).isEqualTo("200 result=0");
        assertThat(responder.prompts()).containsExactly("hotline/a", "hotline/b");
    }

    @Test
    void aHungUpChannelRefusesEveryCommand() {
        CommandResponder responder = responder();

        assertThat(reply(responder, "HANGUP")).isEqualTo("200 result=1");
        assertThat(responder.hungUp()).isTrue();
        assertThat(reply(responder, "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"")).isEqualTo(CommandResponder.DEAD_CHANNEL);
        assertThat(reply(responder, "NO SUCH THING")).isEqualTo(CommandResponder.DEAD_CHANNEL);
        assertThat(responder.variables()).doesNotContainKey("AJ_AGISTATUS");
    }
}
