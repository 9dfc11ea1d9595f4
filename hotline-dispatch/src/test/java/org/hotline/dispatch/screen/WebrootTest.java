package org.hotline.dispatch.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.core.bus.BusAddresses;
import org.junit.jupiter.api.Test;

/**
 * What the pages may not do, checked in their source: no inline script or style (the CSP forbids them anyway),
 * no HTML parsing of text (everything goes through textContent), and no bus address written in a script (they
 * come from /api/session, built from {@link BusAddresses}).
 */
class WebrootTest {
    private static final Pattern HTML_SINKS = Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function|createContextualFragment");

    @Test
    void scriptsNeverParseHtmlNorSpellAnAddress() throws Exception {
        List<Path> scripts = files(".js");
        assertThat(scripts).extracting(p -> p.getFileName().toString()).contains("bus.js", "operator.js", "manager.js");
        String screenPrefix = BusAddresses.operatorScreen("");
        for (Path script : scripts) {
            String source = Files.readString(script);
            assertThat(HTML_SINKS.matcher(source).find()).as(script + " parses HTML").isFalse();
            for (String address : new String[] {BusAddresses.OPERATOR_ACTIONS, BusAddresses.WALLBOARD, screenPrefix,
                    "hotline."}) {
                assertThat(source).as(script + " spells a bus address").doesNotContain(address);
            }
        }
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() throws Exception {
        for (Path page : files(".html")) {
            String html = Files.readString(page);
            assertThat(html).as(page.toString()).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                    .doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");
        }
    }

    private static List<Path> files(String suffix) throws IOException, URISyntaxException {
        Path root = Path.of(WebrootTest.class.getResource("/webroot/signin.html").toURI()).getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
