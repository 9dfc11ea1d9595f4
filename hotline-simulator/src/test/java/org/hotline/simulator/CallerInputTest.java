package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hotline.simulator.CallerInput.Press;
import org.hotline.simulator.CallerInput.PressAfterPrompt;
import org.hotline.simulator.CallerInput.PressDuring;
import org.hotline.simulator.CallerInput.Silence;
import org.hotline.simulator.CallerInput.TimedKey;
import org.junit.jupiter.api.Test;

class CallerInputTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aPressIsHeardByTheNextListeningCommandAndNotAsABargeIn() {
        CallerInput input = new CallerInput(List.of(new Press("2")));

        assertThat(input.keyDuring("hotline/welcome", SECOND, 0)).isEmpty();
        assertThat(input.takeDigit()).contains('2');
        assertThat(input.takeDigit()).isEmpty();
    }

    @Test
    void aMultiKeyPressLeavesTheRestForTheNextCommand() {
        CallerInput input = new CallerInput(List.of(new Press("12")));

        assertThat(input.takeDigit()).contains('1');
        assertThat(input.takeDigit()).contains('2');
    }

    @Test
    void getDataHearsKeysUpToTheHashAndItsMaximum() {
        CallerInput input = new CallerInput(List.of(new Press("12#3"), new Press("98765"), new Press("#")));

        assertThat(input.takeDigits(10)).contains("12");
        assertThat(input.takeDigits(3)).contains("987");
        assertThat(input.takeDigits(3)).contains("");
    }

    @Test
    void silenceIsOneTimeout() {
        CallerInput input = new CallerInput(List.of(new Silence(), new Press("7")));

        assertThat(input.takeDigit()).isEmpty();
        assertThat(input.takeDigit()).contains('7');
    }

    @Test
    void aKeyDuringAPromptWaitsForItsPrompt() {
        CallerInput input = new CallerInput(List.of(new PressDuring("hotline/purpose", '1'), new Press("5")));

        assertThat(input.takeDigit()).as("blocked behind the key for the purpose prompt").isEmpty();
        assertThat(input.keyDuring("hotline/welcome", SECOND, 0)).isEmpty();
        assertThat(input.keyDuring("prs/hotline/purpose", SECOND, 0))
                .contains(new TimedKey('1', Duration.ofMillis(500)));
        assertThat(input.takeDigit()).contains('5');
    }

    @Test
    void aKeyPastItsPromptsEndStaysPendingOnTheCallClock() {
        CallerInput input = new CallerInput(List.of(new PressDuring("hotline/code", '4', Duration.ofMillis(1500))));

        assertThat(input.keyDuring("hotline/code", SECOND, 0)).isEmpty();
        assertThat(input.pendingWithin(Duration.ofMillis(400), Duration.ofMillis(1000).toNanos())).isEmpty();
        assertThat(input.pendingWithin(Duration.ofMillis(600), Duration.ofMillis(1000).toNanos()))
                .contains(new TimedKey('4', Duration.ofMillis(500)));
        assertThat(input.pendingWithin(SECOND, 0)).as("heard once").isEmpty();
    }

    @Test
    void aPendingKeyWhoseMomentPassedBetweenCommandsIsLost() {
        CallerInput input = new CallerInput(List.of(new PressDuring("hotline/code", '4', Duration.ofMillis(1500))));

        assertThat(input.keyDuring("hotline/code", SECOND, 0)).isEmpty();
        assertThat(input.pendingWithin(SECOND, Duration.ofMillis(1600).toNanos())).isEmpty();
        assertThat(input.pendingWithin(SECOND, Duration.ofMillis(1000).toNanos())).isEmpty();
    }

    @Test
    void aPressAfterAPromptWaitsUntilThePromptWasPlayed() {
        CallerInput input = new CallerInput(List.of(new PressAfterPrompt("hotline/voicemail-offer", "9")));

        assertThat(input.takeDigit()).isEmpty();
        input.played("hotline/hold");
        assertThat(input.takeDigit()).isEmpty();
        input.played("ps/hotline/voicemail-offer");
        assertThat(input.takeDigit()).contains('9');
    }

    @Test
    void matchesLanguageQualifiedFilesOnWholePathSegments() {
        assertThat(CallerInput.sameFile("hotline/purpose", "hotline/purpose")).isTrue();
        assertThat(CallerInput.sameFile("prs/hotline/purpose", "hotline/purpose")).isTrue();
        assertThat(CallerInput.sameFile("xhotline/purpose", "hotline/purpose")).isFalse();
        assertThat(CallerInput.sameFile("hotline/purpose2", "hotline/purpose")).isFalse();
    }
}
