package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgiCommandTest {

    @Test
    void splitsLikeAsteriskWithQuotesAndBackslashes() {
        assertThat(AgiCommand.split("STREAM FILE \"hotline/welcome\" \"123\" 0"))
                .containsExactly("STREAM", "FILE", "hotline/welcome", "123", "0");
        assertThat(AgiCommand.split("SET VARIABLE \"A B\" \"say \\\"hi\\\" \\\\ now\""))
                .containsExactly("SET", "VARIABLE", "A B", "say \"hi\" \\ now");
        assertThat(AgiCommand.split("STREAM FILE \"x\" \"\"")).containsExactly("STREAM", "FILE", "x", "");
        assertThat(AgiCommand.split("  NOOP   ")).containsExactly("NOOP");
    }

    @Test
    void recognisesCommandsIgnoringCase() {
        AgiCommand command = AgiCommand.parse("get full variable \"${A}\"");

        assertThat(command.name()).isEqualTo("GET FULL VARIABLE");
        assertThat(command.args()).containsExactly("${A}");
        assertThat(AgiCommand.parse("GET VARIABLE \"A\"").name()).isEqualTo("GET VARIABLE");
        assertThat(AgiCommand.parse("Wait For Digit 100").args()).containsExactly("100");
    }

    @Test
    void leavesUnknownCommandsUnnamed() {
        AgiCommand command = AgiCommand.parse("DATABASE GET \"family\" \"key\"");

        assertThat(command.known()).isFalse();
        assertThat(command.label()).isEqualTo("DATABASE");
        assertThat(AgiCommand.parse("").label()).isEmpty();
    }

    @Test
    void fallsBackForMissingArguments() {
        AgiCommand command = AgiCommand.parse("GET OPTION \"f\" \"12\"");

        assertThat(command.arg(1, "?")).isEqualTo("12");
        assertThat(command.arg(2, "-1")).isEqualTo("-1");
    }
}
