package org.hotline.app.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.hotline.core.config.Settings;
import picocli.CommandLine.Command;

/** {@code hotline run}: runs the whole hotline until Ctrl-C, then shuts down cleanly. */
@Command(name = "run", description = "Run the whole hotline: FastAGI server, HTTP server and embedded database.",
        mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
        Hotline hotline = Hotline.start(Settings.load(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
            hotline.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
