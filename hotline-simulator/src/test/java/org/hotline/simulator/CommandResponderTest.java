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

/**
 * Replies without a socket: the pauses are recorded instead of slept, and they move a fake call clock. Every
 * prompt lasts 300 ms here, so the replies' timing can be checked exactly (2,400 samples at 8 kHz).
 */
class CommandResponderTest {
    private final List<Duration> pauses = new ArrayList<>();
    private long clockNanos = 1_000_000_000L;

    private CommandResponder responder(Entry... input) {
        return new CommandResponder(new CallerInput(List.of(input)), Map.of("PRESET", "x"),
                PromptTiming.fixed(Duration.ofMillis(300)), this::pause, () -> clockNanos, "en");
    }

    private void pause(Duration duration) {
        pauses.add(duration);
        clockNanos += duration.toNanos();
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

        assertThat(reply(responder, "STREAM FILE \"hotline/other\" \"12\"")).isEqualTo("200 result=0 endpos=2400");
        assertThat(reply(responder, "STREAM FILE \"hotline/welcome\" \"12\"")).isEqualTo("200 result=50 endpos=1200");
        assertThat(pauses).containsExactly(Duration.ofMillis(300), Duration.ofMillis(150));
        assertThat(responder.prompts()).containsExactly("hotline/other", "hotline/welcome");
    }

    @Test
    void anEscapeDigitCutsThePromptWhereItIsPressed() {
        CommandResponder responder = responder(new PressDuring("hotline/welcome", '2', Duration.ofMillis(100)));

        assertThat(reply(responder, "STREAM FILE \"hotline/welcome\" \"12\"")).isEqualTo("200 result=50 endpos=800");
        assertThat(pauses).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void aKeyThatIsNoEscapeDigitIsDroppedLikeAsteriskDoes() {
        CommandResponder responder = responder(new PressDuring("hotline/welcome", '9'), new Press("4"));

        assertThat(reply(responder, "STREAM FILE \"hotline/welcome\" \"12\"")).isEqualTo("200 result=0 endpos=2400");
        // waitstream_core read and freed the 9: the next listening command hears the caller's next key, not it.
        assertThat(reply(responder, "WAIT FOR DIGIT 1000")).isEqualTo("200 result=52");
        assertThat(pauses).containsExactly(Duration.ofMillis(300));
    }

    @Test
    void aKeyPressedAfterItsPromptEndedIsHeardByTheCommandGoingOnThen() {
        CommandResponder responder = responder(new PressDuring("hotline/welcome", '3', Duration.ofMillis(500)),
                new PressDuring("hotline/again", '5', Duration.ofMillis(400)),
                new PressDuring("hotline/late", '6', Duration.ofMillis(350)));

        // The 3 comes 200 ms into the next prompt, and cuts it there.
        assertThat(reply(responder, "STREAM FILE \"hotline/welcome\" \"123\"")).isEqualTo("200 result=0 endpos=2400");
        assertThat(reply(responder, "STREAM FILE \"lang/hotline/next\" \"123\"")).isEqualTo("200 result=51 endpos=1600");
        // The 5 comes 100 ms into the wait after its prompt.
        assertThat(reply(responder, "STREAM FILE \"hotline/again\" \"\"")).isEqualTo("200 result=0 endpos=2400");
        assertThat(reply(responder, "WAIT FOR DIGIT 1000")).isEqualTo("200 result=53");
        // The 6 comes while nothing plays or listens (the clock jumps past it): lost, as in Asterisk's AGI loop.
        assertThat(reply(responder, "STREAM FILE \"hotline/late\" \"\"")).isEqualTo("200 result=0 endpos=2400");
        clockNanos += Duration.ofMillis(100).toNanos();
        assertThat(reply(responder, "WAIT FOR DIGIT 1000")).isEqualTo("200 result=0");
        assertThat(pauses).containsExactly(Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(1000));
    }

    @Test
    void getOptionListensAfterPlaybackAndReportsOnlyEscapeDigits() {
        CommandResponder responder = responder(new Press("3"), new Press("9"));

        assertThat(reply(responder, "GET OPTION \"hotline/purpose\" \"1234\" 2000")).isEqualTo("200 result=51 endpos=2400");
        assertThat(reply(responder, "GET OPTION \"hotline/purpose\" \"1234\" 2000")).isEqualTo("200 result=0 endpos=2400");
        assertThat(reply(responder, "GET OPTION \"hotline/purpose\" \"1234\"")).isEqualTo("200 result=0 endpos=2400");
        assertThat(pauses).containsExactly(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(5000));
    }

    @Test
    void controlStreamFileStopsOnItsStopKeysAndReportsMilliseconds() {
        CommandResponder responder = responder(new PressDuring("hotline/a", '#', Duration.ofMillis(100)),
                new PressDuring("hotline/b", '5', Duration.ofMillis(120)));

        // '#' is fast-forward, not a stop key: the prompt plays on; Asterisk reports -1 for "played to the end".
        assertThat(reply(responder, "CONTROL STREAM FILE \"hotline/a\" \"5\"")).isEqualTo("200 result=0 endpos=-1");
        assertThat(responder.variables()).containsEntry("CPLAYBACKSTATUS", "SUCCESS");
        assertThat(reply(responder, "CONTROL STREAM FILE \"hotline/b\" \"56\" 3000 \"#\" \"*\" \"\" 50"))
                .isEqualTo("200 result=53 endpos=170");
        assertThat(responder.variables()).containsEntry("CPLAYBACKSTATUS", "USERSTOPPED")
                .containsEntry("CPLAYBACKSTOPKEY", "5").containsEntry("CPLAYBACKOFFSET", "170");
        assertThat(reply(responder, "CONTROL STREAM FILE \"hotline/c\"")).startsWith("520-");
        assertThat(pauses).containsExactly(Duration.ofMillis(300), Duration.ofMillis(120));
    }

    @Test
    void promptsPlayInTheChannelLanguageOnceSet() {
        CommandResponder responder = responder();

        assertThat(responder.language()).as("the entry language from agi_language").isEqualTo("en");
        reply(responder, "SET VARIABLE \"CHANNEL(language)\" \"ps\"");
        assertThat(responder.language()).isEqualTo("ps");
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
    void anyKeyStopsGetDatasPrompt() {
        CommandResponder responder = responder(new PressDuring("hotline/code", '7', Duration.ofMillis(50)));

        assertThat(reply(responder, "GET DATA \"hotline/code\" 4000 4")).isEqualTo("200 result=7");
        assertThat(pauses).containsExactly(Duration.ofMillis(50));
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
        assertThat(pauses).containsExactly(Duration.ofMillis(300), Duration.ofMillis(300));
    }

    @Test
    void backgroundStopsOnAnyKeyAndPlaysNothingMore() {
        CommandResponder responder = responder(new PressDuring("hotline/a", '4', Duration.ofMillis(10)));

        assertThat(reply(responder, "EXEC \"Background\" \"hotline/a&hotline/b\"")).isEqualTo("200 result=0");
        assertThat(responder.prompts()).containsExactly("hotline/a");
        assertThat(pauses).containsExactly(Duration.ofMillis(10));
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
