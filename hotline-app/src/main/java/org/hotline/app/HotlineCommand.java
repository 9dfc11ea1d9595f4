package org.hotline.app;

import java.io.PrintWriter;
import org.hotline.app.backup.BackupCommand;
import org.hotline.app.backup.RestoreCommand;
import org.hotline.app.i18n.I18nCommand;
import org.hotline.app.keys.KeysCommand;
import org.hotline.app.prompts.PromptsCommand;
import org.hotline.app.keys.PseudonymCommand;
import org.hotline.app.run.RunCommand;
import org.hotline.core.StartupException;
import org.hotline.core.config.SettingsException;
import org.hotline.dispatch.operators.UserCommand;
import org.hotline.reports.command.ReportCommand;
import org.hotline.simulator.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hotline} command line: {@code run} starts the hotline, the others are admin tasks that share its
 * configuration. Problems a person can fix are printed as one sentence, with no stack trace.
 */
@Command(name = "hotline", mixinStandardHelpOptions = true,
        description = "Hotline: the call-handling backend of the anti-trafficking hotline.",
        subcommands = {RunCommand.class, UserCommand.class, ReportCommand.class, SimulateCommand.class,
                KeysCommand.class, PseudonymCommand.class, BackupCommand.class, RestoreCommand.class, I18nCommand.class,
                PromptsCommand.class})
public final class HotlineCommand {

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code; {@code run} is the default command. */
    public static int execute(String[] args, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new HotlineCommand()).setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof StartupException || e instanceof SettingsException) {
                cmd.getErr().println("hotline: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine.execute(args.length == 0 ? new String[] {"run"} : args);
    }
}
