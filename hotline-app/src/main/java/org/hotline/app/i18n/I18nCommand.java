package org.hotline.app.i18n;

import java.util.concurrent.Callable;
import org.hotline.core.i18n.Completeness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hotline i18n}: the completeness report of the message bundles in the jar, per language: keys, missing,
 * machine-made, unreviewed and reviewed entries, then every problem (a missing key, a placeholder missing or
 * extra, a text that does not parse, a plural lacking a category). Needs no database and no running hotline.
 * Exits 1 when a shipped language has a problem (the build's test keeps that from being released).
 */
@Command(name = "i18n", mixinStandardHelpOptions = true,
        description = "Print the completeness report of the staff screens' and reports' translations.")
public final class I18nCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var reports = Completeness.check();
        spec.commandLine().getOut().print(Completeness.text(reports));
        spec.commandLine().getOut().flush();
        return reports.values().stream().allMatch(Completeness.Report::complete) ? 0 : 1;
    }
}
