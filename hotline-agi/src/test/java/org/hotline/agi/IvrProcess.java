package org.hotline.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A FastAGI server in a process of its own, so a test can kill it with {@code kill -9}. Arguments: the data
 * directory, the port, and the menu timeout. Prints {@code listening <port>} once it takes calls.
 */
public final class IvrProcess {
    /** The optional fourth argument: the database is stalled from the start (every pooled connection held). */
    public static final String STALL_DATABASE = "stall-database";

    private IvrProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        IvrHarness ivr = IvrHarness.start(Path.of(args[0]), Map.of("agi.port", args[1], "ivr.menu.timeout", args[2]));
        if (args.length > 3 && args[3].equals(STALL_DATABASE)) {
            // A sick database: every pooled connection taken and never given back, so each write waits.
            var connections = ivr.database().dsl().configuration().connectionProvider();
            for (int i = 0; i < ivr.settings().integer("db.pool-size"); i++) {
                connections.acquire();
            }
        }
        // A plain kill (SIGTERM) stops it as the hotline stops: calls drain and the step log closes.
        Runtime.getRuntime().addShutdownHook(new Thread(ivr::close));
        System.out.println("listening " + ivr.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Starts the IVR in its own JVM on {@code port} over {@code dataDir}, and returns once it listens. */
    public static Process start(Path dataDir, int port, String menuTimeout, String... options) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                IvrProcess.class.getName(), dataDir.toString(), String.valueOf(port), menuTimeout));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("listening ")) {
                Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { }));
                return process;
            }
        }
        throw new AssertionError("the IVR process ended before listening");
    }

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
