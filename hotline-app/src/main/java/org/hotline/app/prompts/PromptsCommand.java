package org.hotline.app.prompts;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.core.call.Language;
import org.hotline.core.config.Settings;
import org.hotline.core.prompts.PromptRecordings;
import org.hotline.core.prompts.PromptStatus;
import org.hotline.core.prompts.PromptText;
import org.hotline.core.prompts.PromptTexts;
import org.hotline.core.prompts.PromptsConfig;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hotline prompts}: the prompt studio from the command line. With the embedded database, run it while the
 * hotline is stopped (H2 allows one process); the studio page ({@code /prompts}) shows the same while it runs.
 */
@Command(name = "prompts", mixinStandardHelpOptions = true,
        description = "The IVR's prompts recorded by native speakers (the prompt studio).",
        subcommands = PromptsCommand.Coverage.class)
public final class PromptsCommand {

    @Command(name = "coverage", mixinStandardHelpOptions = true,
            description = "Per language: prompts with an approved recording, recordings awaiting review, prompts with "
                    + "only the placeholder, and stale recordings (made of a text that changed since).")
    public static final class Coverage implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--texts", description = "Also list every text with its revision and review state.")
        boolean texts;
        /** Where the settings come from; tests replace it. */
        public Map<String, String> environment = System.getenv();

        @Override
        public Integer call() {
            Settings settings = Settings.load(environment);
            PromptsConfig config = PromptsConfig.from(settings);
            PromptTexts all = config.texts();
            List<PromptStatus> statuses;
            try (Database database = Database.open(StorageConfig.from(settings))) {
                statuses = PromptStatus.of(all, new PromptRecordings(database.dsl()).all());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(table(statuses));
            if (texts) {
                out.println();
                for (PromptText text : all.all()) {
                    out.printf("%-4s %-16s %s %-10s %s%n", text.language(), text.key(), text.revision(),
                            text.review().code(), text.text());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** The coverage table, one line per language. */
    static String table(List<PromptStatus> statuses) {
        StringBuilder out = new StringBuilder(String.format("%-22s %9s %16s %17s %6s %8s%n", "language", "approved",
                "awaiting review", "placeholder only", "stale", "prompts"));
        PromptStatus.coverage(statuses).forEach((code, counts) -> out.append(String.format(
                "%-22s %9d %16d %17d %6d %8d%n", code + " " + english(code), counts.get(PromptStatus.Status.APPROVED),
                counts.get(PromptStatus.Status.RECORDED), counts.get(PromptStatus.Status.PLACEHOLDER),
                counts.get(PromptStatus.Status.STALE),
                counts.values().stream().mapToInt(Integer::intValue).sum())));
        return out.toString();
    }

    private static String english(String code) {
        for (Language language : Language.values()) {
            if (language.code().equals(code)) {
                return language.englishName();
            }
        }
        return "";
    }
}
