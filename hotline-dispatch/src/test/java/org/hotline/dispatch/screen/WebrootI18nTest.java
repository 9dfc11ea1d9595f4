package org.hotline.dispatch.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.core.i18n.Bundles;
import org.hotline.core.i18n.UiLanguage;
import org.junit.jupiter.api.Test;

/**
 * The pages' texts come from the bundles: every key a page or script names exists in {@code en.json} (so no raw
 * key can show, and each language's completeness test covers it), and no page has English text outside an element
 * that names its key. Text a script builds is checked in Chromium ({@code ScreenLanguageBrowserTest}).
 */
class WebrootI18nTest {
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n=\"([^\"]+)\"");
    private static final Pattern HTML_ATTR_KEYS = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");
    private static final Pattern SCRIPT_KEY = Pattern.compile("\\bt\\('([^']+)'");
    /** A key built from a code: t(`screen.state.${code}`); its prefix must have keys. */
    private static final Pattern SCRIPT_KEY_PREFIX = Pattern.compile("\\bt\\(`([a-z0-9.-]+\\.)\\$\\{");
    /** An element's own text run with a Latin letter, and the opening tag just before it. */
    private static final Pattern TEXT_RUN = Pattern.compile("(<[^>]+>)([^<]*[A-Za-z][^<]*)(?=<)");
    private static final Set<String> TEXT_FREE = Set.of("script", "style", "kbd", "code");

    private final Set<String> english = Bundles.shipped().clientJson(UiLanguage.ENGLISH)
            .getJsonObject("messages").fieldNames();

    @Test
    void everyKeyNamedByAPageOrScriptIsInTheEnglishBundle() throws Exception {
        Set<String> named = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (Path file : files(".html")) {
            String html = Files.readString(file);
            collect(HTML_KEY, html, named);
            Matcher attrs = HTML_ATTR_KEYS.matcher(html);
            while (attrs.find()) {
                for (String pair : attrs.group(1).split(";")) {
                    named.add(pair.substring(pair.indexOf(':') + 1).trim());
                }
            }
        }
        for (Path file : files(".js")) {
            String js = Files.readString(file);
            collect(SCRIPT_KEY, js, named);
            collect(SCRIPT_KEY_PREFIX, js, prefixes);
        }
        assertThat(named).as("keys the screens use").hasSizeGreaterThan(300);
        assertThat(named).as("keys missing from en.json").allMatch(english::contains);
        assertThat(prefixes).as("key prefixes with no key").allMatch(p -> english.stream().anyMatch(k -> k.startsWith(p)));
    }

    @Test
    void everyEnglishTextOfAPageSitsInAnElementNamingItsKey() throws Exception {
        List<String> bare = new ArrayList<>();
        for (Path file : files(".html")) {
            String html = Files.readString(file);
            String body = html.substring(html.indexOf("<title"));
            Matcher run = TEXT_RUN.matcher(body);
            while (run.find()) {
                String tag = run.group(1);
                String name = tag.replaceAll("^</?([a-zA-Z0-9]+).*$", "$1").toLowerCase();
                boolean closing = tag.startsWith("</");
                if ((!closing && (tag.contains("data-i18n=\"") || TEXT_FREE.contains(name)))
                        || run.group(2).contains("{{")) {
                    continue;
                }
                bare.add(file.getFileName() + ": " + run.group(2).strip());
            }
        }
        assertThat(bare).as("English text with no data-i18n key").isEmpty();
    }

    @Test
    void theBundleOfALanguageIsServedWithItsDirection() {
        JsonObject dari = Bundles.shipped().clientJson(UiLanguage.DARI);
        assertThat(dari.getString("dir")).isEqualTo("rtl");
        assertThat(dari.getJsonObject("messages").getString("screen.incoming-call")).isEqualTo("تماس ورودی");
    }

    @Test
    void acceptLanguagePicksAShippedLanguageElseEnglish() {
        assertThat(ScreenLanguage.fromAcceptLanguage("ps-AF,ps;q=0.9,en;q=0.5")).isEqualTo(UiLanguage.PASHTO);
        assertThat(ScreenLanguage.fromAcceptLanguage("fa-AF, en;q=0.8")).isEqualTo(UiLanguage.DARI);
        assertThat(ScreenLanguage.fromAcceptLanguage("de-DE,fr;q=0.9,ru;q=0.1")).isEqualTo(UiLanguage.RUSSIAN);
        assertThat(ScreenLanguage.fromAcceptLanguage("de-DE,fr;q=0.9")).isEqualTo(UiLanguage.ENGLISH);
        assertThat(ScreenLanguage.fromAcceptLanguage("prs;q=0,en")).isEqualTo(UiLanguage.ENGLISH);
        assertThat(ScreenLanguage.fromAcceptLanguage(null)).isEqualTo(UiLanguage.ENGLISH);
        assertThat(ScreenLanguage.fromAcceptLanguage(";;;garbage")).isEqualTo(UiLanguage.ENGLISH);
        // Not the strict grammar, yet plain enough to read.
        assertThat(ScreenLanguage.fromAcceptLanguage("ps-AF,ps;q=0.9;q=0.9,en;q=0.5")).isEqualTo(UiLanguage.PASHTO);
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static List<Path> files(String suffix) throws IOException, URISyntaxException {
        Path root = Path.of(WebrootI18nTest.class.getResource("/webroot/signin.html").toURI()).getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
