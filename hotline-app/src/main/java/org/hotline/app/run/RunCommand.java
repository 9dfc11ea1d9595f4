package org.hotline.app.run;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hotline.app.demo.Demo;
import org.hotline.app.demo.DemoAmi;
import org.hotline.simulator.ami.FakeAmi;
import org.hotline.core.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hotline run}: runs the whole hotline until Ctrl-C, then shuts down cleanly. */
@Command(name = "run", description = "Run the whole hotline: FastAGI server, HTTP server and embedded database.",
        mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--demo", description = "Add three demo people (passwords printed) and keep simulated callers "
            + "dialling in; data goes to <data.dir>/demo unless HOTLINE_DATA_DIR is set.")
    boolean demo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = Settings.load(System.getenv());
        if (demo && System.getenv("HOTLINE_DATA_DIR") == null) {
            settings = settings.with(Map.of("data.dir", settings.path("data.dir").resolve("demo").toString()));
        }
        // The demo's fake Asterisk speaks AMI too, so transfers, interpreters and supervision work with no Asterisk.
        FakeAmi ami = demo && settings.string("ami.host").isBlank() ? DemoAmi.start(settings) : null;
        if (ami != null) {
            settings = settings.with(DemoAmi.settings(settings, ami));
        }
        Hotline hotline = Hotline.start(settings);
        Demo running = demo ? Demo.start(hotline, spec.commandLine().getOut(), ami, settings) : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
            if (running != null) {
                running.close();
            }
            hotline.close();
            if (ami != null) {
                ami.close();
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
