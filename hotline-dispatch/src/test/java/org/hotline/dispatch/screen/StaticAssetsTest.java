package org.hotline.dispatch.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Content-hashed URLs: a page's scripts and styles get their hash, a module's imports theirs, and a change to a file
 * changes its URL and the URL of every module that imports it, so a browser never runs a stale mix.
 */
class StaticAssetsTest {
    private static final String PAGE = "<link rel=\"stylesheet\" href=\"/static/style.css\">\n"
            + "<script type=\"module\" src=\"/static/operator.js\"></script>\n<img src=\"/static/missing.png\">";

    @Test
    void aPageAndItsModulesReferenceEachFileByItsHash() {
        StaticAssets assets = new StaticAssets(files("export const byId = 1;"));

        String page = assets.rewrite(PAGE);
        assertThat(page).contains("href=\"" + assets.url("style.css") + "\"", "src=\"" + assets.url("operator.js")
                + "\"").contains("src=\"/static/missing.png\"");
        assertThat(assets.url("operator.js")).matches("/static/operator\\.js\\?v=[0-9a-f]{16}");
        assertThat(assets.url("no-such.js")).isNull();
    }

    @Test
    void aChangedFileGetsANewUrlAndSoDoesEveryModuleThatImportsIt() {
        StaticAssets before = new StaticAssets(files("export const byId = 1;"));
        StaticAssets after = new StaticAssets(files("export const byId = 2;"));

        assertThat(after.url("dom.js")).isNotEqualTo(before.url("dom.js"));
        assertThat(after.url("operator.js")).as("its import of dom.js changed").isNotEqualTo(before.url("operator.js"));
        assertThat(after.rewrite(PAGE)).isNotEqualTo(before.rewrite(PAGE));
        assertThat(after.url("style.css")).as("an unchanged file keeps its URL").isEqualTo(before.url("style.css"));
        assertThat(after.url("other.js")).isEqualTo(before.url("other.js"));
    }

    @Test
    void importCyclesAreHashedToo() {
        Map<String, byte[]> files = new HashMap<>();
        files.put("a.js", "import { b } from './b.js';".getBytes(StandardCharsets.UTF_8));
        files.put("b.js", "import { a } from './a.js';".getBytes(StandardCharsets.UTF_8));

        StaticAssets assets = new StaticAssets(files);
        assertThat(assets.url("a.js")).isNotNull();
        assertThat(assets.url("b.js")).isNotNull();
    }

    private static Map<String, byte[]> files(String dom) {
        Map<String, byte[]> files = new HashMap<>();
        files.put("style.css", "body { margin: 0 }".getBytes(StandardCharsets.UTF_8));
        files.put("dom.js", dom.getBytes(StandardCharsets.UTF_8));
        files.put("operator.js", "import { byId } from './dom.js';\nimport { x } from \"./other.js\";\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("other.js", "export const x = 'a';".getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
