package org.hotline.agi;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A FastAGI server in a process of its own, so a test can kill it with {@code kill -9}. Arguments: the data
 * directory, the port, and the menu timeout. Prints {@code listening <port>} once it takes calls.
 */
public final class IvrProcess {
    private IvrProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        IvrHarness ivr = IvrHarness.start(Path.of(args[0]), Map.of("agi.port", args[1], "ivr.menu.timeout", args[2]));
        System.out.println("listening " + ivr.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
