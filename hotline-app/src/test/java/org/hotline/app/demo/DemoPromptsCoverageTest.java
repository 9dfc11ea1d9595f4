package org.hotline.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.app.TestHotline;
import org.hotline.app.prompts.PromptsCommand;
import org.hotline.app.run.Hotline;
import org.hotline.core.prompts.PromptTexts;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The demo seeds the prompt studio with takes in every state, and {@code hotline prompts coverage} prints the
 * per-language coverage from the real database (after the hotline stopped, as H2 allows one process).
 */
class DemoPromptsCoverageTest {
    @TempDir
    Path dataDir;

    @Test
    void theDemoShowsEveryStateAndTheCommandLinePrintsTheCoverage() throws Exception {
        Map<String, String> settings = Map.of("prompts.placeholder-dir", sounds().toString());
        Hotline hotline = TestHotline.start(dataDir, settings);
        try {
            DemoOperators.ensure(new JooqOperatorDirectory(hotline.database().dsl()));
            org.hotline.core.config.Settings all = org.hotline.core.config.Settings.defaultSettings().with(Map.of(
                    "data.dir", dataDir.toString(), "prompts.placeholder-dir", sounds().toString()));
            DemoPrompts.seed(all, hotline.database().dsl(), new JooqOperatorDirectory(hotline.database().dsl()));
            DemoPrompts.seed(all, hotline.database().dsl(), new JooqOperatorDirectory(hotline.database().dsl()));
        } finally {
            hotline.close();
        }

        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new PromptsCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof PromptsCommand.Coverage coverage) {
                    coverage.environment = Map.of("HOTLINE_DATA_DIR", dataDir.toString());
                }
                return made;
            }
        }).setOut(new PrintWriter(out));
        assertThat(command.execute("coverage")).isZero();

        // Columns: approved, recorded, placeholder only, stale, total (every prompt of the manifests).
        int n = PromptTexts.bundled().of("prs").size();
        assertThat(out.toString().lines().map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns.length == 7).map(columns -> String.join(" ", columns)))
                .contains("prs Dari 5 3 " + (n - 8) + " 0 " + n, "ps Pashto 2 2 " + (n - 5) + " 1 " + n,
                        "ur Urdu 0 0 " + n + " 0 " + n);
    }

    private static Path sounds() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("asterisk-conf"))) {
                return dir.resolve("asterisk-conf/sounds");
            }
        }
        throw new IllegalStateException("no asterisk-conf above the working directory");
    }
}
