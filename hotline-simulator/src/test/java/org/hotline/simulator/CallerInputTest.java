package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.simulator.CallerInput.Press;
import org.hotline.simulator.CallerInput.PressAfterPrompt;
import org.hotline.simulator.CallerInput.PressDuring;
import org.hotline.simulator.CallerInput.Silence;
import org.junit.jupiter.api.Test;

class CallerInputTest {

    @Test
    void aPressIsHeardByTheNextListeningCommandAndNotAsABargeIn() {
        CallerInput input = new CallerInput(List.of(new Press("2")));

        assertThat(input.bargeIn("hotline/welcome", "0123456789")).isEmpty();
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

        assertThat(input.takeDigits("f", 10)).contains("12");
        assertThat(input.takeDigits("f", 3)).contains("987");
        assertThat(input.takeDigits("f", 3)).contains("");
    }

    @Test
    void silenceIsOneTimeout() {
        CallerInput input = new CallerInput(List.of(new Silence(), new Press("7")));

        assertThat(input.takeDigit()).isEmpty();
        assertThat(input.takeDigit()).contains('7');
    }

    @Test
    void aBargeInWaitsForItsPromptAndAnEscapeDigit() {
        CallerInput input = new CallerInput(List.of(new PressDuring("hotline/purpose", '1'), new Press("5")));

        assertThat(input.takeDigit()).as("blocked behind the barge-in").isEmpty();
        assertThat(input.bargeIn("hotline/welcome", "1")).isEmpty();
        assertThat(input.bargeIn("hotline/purpose", "234")).isEmpty();
        assertThat(input.bargeIn("prs/hotline/purpose", "1234")).contains('1');
        assertThat(input.takeDigit()).contains('5');
    }

    @Test
    void getDataTakesABargeInOnItsOwnPrompt() {
        CallerInput input = new CallerInput(List.of(new PressDuring("hotline/code", '4')));

        assertThat(input.takeDigits("hotline/other", 4)).isEmpty();
        assertThat(input.takeDigits("hotline/code", 4)).contains("4");
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
