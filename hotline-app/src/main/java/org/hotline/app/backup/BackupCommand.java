package org.hotline.app.backup;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hotline backup}: an encrypted backup now, into {@code backup.dir}. While the hotline runs it asks the
 * running process (the embedded database allows one), which takes an online copy while calls go on; with the hotline
 * stopped it makes the backup itself. Run it as the hotline's user ({@code sudo -u hotline hotline backup}).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Make an encrypted backup now (database, pseudonym key, voice messages), while the hotline runs "
                + "or not. It goes to backup.dir, encrypted with the passphrase in backup.key-file; audited.")
public final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    /** Where the settings come from; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        BackupConfig config = BackupConfig.from(Settings.load(environment));
        java.util.Arrays.fill(config.passphrase(), '\0'); // a missing or bad key is said before anything else
        Optional<String> answer = AdminSocket.ask(config.storage().dataDir(), "backup");
        String sentence;
        if (answer.isPresent()) {
            if (!answer.get().startsWith("ok ")) {
                throw new StartupException(answer.get().replaceFirst("^error ", ""));
            }
            sentence = answer.get().substring(3) + " (made by the running hotline)";
        } else {
            try (Database database = Database.open(config.storage())) {
                sentence = new BackupMaker(config, database).make("command-line").sentence();
            }
        }
        spec.commandLine().getOut().println(sentence);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
