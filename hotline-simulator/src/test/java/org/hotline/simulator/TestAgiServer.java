package org.hotline.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;

/**
 * The real Asterisk-Java FastAGI server on a free loopback port, serving the given scripts by name, with
 * one virtual thread per call as the application runs it.
 */
final class TestAgiServer implements AutoCloseable {
    private final DefaultAgiServer server;
    private final int port;
    private final Thread acceptor;

    private TestAgiServer(Map<String, AgiScript> scripts) throws InterruptedException {
        this.port = freePort();
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        // A HashMap, because a bare connect looks up a null script name and Map.of(...) throws on that.
        mapping.setMappings(new HashMap<>(scripts));
        CountDownLatch bound = new CountDownLatch(1);
        this.server = new DefaultAgiServer(mapping) {
            @Override
            protected ServerSocketFacade createServerSocket() throws IOException {
                ServerSocketFacade socket = super.createServerSocket();
                bound.countDown();
                return socket;
            }

            @Override
            protected ThreadPoolExecutor createPool() {
                return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                        Thread.ofVirtual().name("agi-", 0).factory());
            }
        };
        server.setPort(port);
        server.setAddress(InetAddress.getLoopbackAddress());
        // startup() blocks in its accept loop.
        this.acceptor = Thread.ofPlatform().daemon().name("agi-server-" + port).start(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!bound.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the AGI server did not bind port " + port);
        }
    }

    static TestAgiServer start(Map<String, AgiScript> scripts) {
        try {
            return new TestAgiServer(scripts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    FakeCall.Builder call(String script) {
        return FakeCall.builder("127.0.0.1", port).script(script);
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
