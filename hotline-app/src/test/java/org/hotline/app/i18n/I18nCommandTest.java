package org.hotline.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hotline i18n} prints the bundles' completeness without a database or a running hotline. */
class I18nCommandTest {

    @Test
    void printsOneLinePerLanguageWithItsReviewStates() {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new I18nCommand()).setOut(new PrintWriter(out)).execute();
        assertThat(code).isZero();
        String report = out.toString();
        assertThat(report.lines().findFirst().orElseThrow())
                .contains("keys", "missing", "machine", "unreviewed", "reviewed", "problems");
        assertThat(report).containsPattern("(?m)^en +English +\\d+ +0 +0 +0 +\\d+ +0$")
                .containsPattern("(?m)^prs +Dari +\\d+ +0 +\\d+ +0 +0 +0$")
                .containsPattern("(?m)^ps +Pashto ")
                .containsPattern("(?m)^ur +Urdu ").containsPattern("(?m)^tg +Tajik ")
                .containsPattern("(?m)^uz +Uzbek ").containsPattern("(?m)^tk +Turkmen ")
                .containsPattern("(?m)^ru +Russian ");
    }
}
