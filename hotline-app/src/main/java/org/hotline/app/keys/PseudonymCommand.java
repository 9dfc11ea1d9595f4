package org.hotline.app.keys;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hotline.agi.pseudonym.PseudonymKeyFile;
import org.hotline.agi.pseudonym.PseudonymKeys;
import org.hotline.app.backup.AdminSocket;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hotline pseudonym}: the caller-pseudonym keys. {@code rotate} makes a new current key while the hotline
 * runs (it asks the running process, which starts using it at once) or while it is stopped; {@code status} says
 * which keys are live and when the old ones will be destroyed.
 */
@Command(name = "pseudonym", mixinStandardHelpOptions = true, description = "The caller-pseudonym keys.",
        subcommands = {PseudonymCommand.Rotate.class, PseudonymCommand.Status.class})
public final class PseudonymCommand {

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Make a new caller-pseudonym key. Repeat callers still link to earlier calls for "
                    + "pseudonym.rotation-overlap, after which the old key is destroyed. Audited.")
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        /** Where the settings come from; tests replace it. */
        Map<String, String> environment = System.getenv();

        @Override
        public Integer call() {
            Settings settings = Settings.load(environment);
            StorageConfig storage = StorageConfig.from(settings);
            Optional<String> answer = AdminSocket.ask(storage.dataDir(), PseudonymKeyRotation.ADMIN_COMMAND);
            String sentence;
            if (answer.isPresent()) {
                if (!answer.get().startsWith("ok ")) {
                    throw new StartupException(answer.get().replaceFirst("^error ", ""));
                }
                sentence = answer.get().substring(3) + " (done by the running hotline)";
            } else {
                try (Database database = Database.open(storage)) {
                    sentence = new PseudonymKeyRotation(settings, database, Clock.systemUTC())
                            .rotate(PseudonymKeyRotation.COMMAND_LINE);
                }
            }
            spec.commandLine().getOut().println(sentence);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say which caller-pseudonym keys are live and which is current.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        Map<String, String> environment = System.getenv();

        @Override
        public Integer call() {
            Settings settings = Settings.load(environment);
            Path keyFile = PseudonymKeyFile.location(settings);
            PseudonymKeys keys = PseudonymKeys.load(keyFile);
            keys.liveKeys(); // a missing live key is said here, as at start-up
            spec.commandLine().getOut().println("Current pseudonym key: " + PseudonymKeys.label(keys.current())
                    + "; live: " + keys.live().stream().map(PseudonymKeys::label).toList() + "; overlap "
                    + settings.string("pseudonym.rotation-overlap") + "; ring " + PseudonymKeys.ringFile(keyFile));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
