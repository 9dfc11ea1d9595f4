package org.hotline.app.backup;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.core.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hotline restore ARCHIVE}: puts a backup back, with the hotline stopped. It refuses while a hotline runs on
 * the data directory, and checks the whole archive (its key, its integrity, every file against the manifest) before
 * it changes anything; files it replaces are moved aside, never deleted.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup into the configured data directory, with the hotline stopped. The archive is "
                + "checked whole before anything changes; replaced files are kept in <data dir>/replaced-<time>/.")
public final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "ARCHIVE", description = "The backup file (hotline-backup-<time>.pgp).")
    Path archive;
    /** Where the settings come from; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        String sentence = new Restorer(BackupConfig.from(Settings.load(environment)))
                .restore(archive.toAbsolutePath().normalize());
        spec.commandLine().getOut().println(sentence);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
