package org.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A stock {@link DefaultAgiServer} on a free loopback port, running one script for every request. */
final class StockServer {
    private static final Logger LOG = LoggerFactory.getLogger(StockServer.class);
    private static final long BIND_WAIT_MILLIS = 10_000;

    private final DefaultAgiServer server;
    private final int port;

    private StockServer(DefaultAgiServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts it; with {@code virtualThreads}, its pool is replaced by a virtual thread per call (diagnostic only). */
    static StockServer start(AgiScript script, boolean virtualThreads) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        // getPort() reports the configured port, not the bound one, so pick a free port first.
        int port = freePort(loopback);
        DefaultAgiServer server = virtualThreads ? new VirtualThreadServer(script) : new DefaultAgiServer(script);
        server.setAddress(loopback);
        server.setPort(port);
        // startup() blocks in its accept loop.
        Thread.ofPlatform().name("stock-accept").daemon().start(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                LOG.error("Stock FastAGI server stopped: {}", e.getMessage());
            }
        });
        awaitListening(loopback, port);
        return new StockServer(server, port);
    }

    /** The stock server with only its pool swapped, as STACK.md describes and HotlineAgiServer does. */
    private static final class VirtualThreadServer extends DefaultAgiServer {
        VirtualThreadServer(AgiScript script) {
            super(script);
        }

        @Override
        protected ThreadPoolExecutor createPool() {
            return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    Thread.ofVirtual().factory());
        }
    }

    int port() {
        return port;
    }


    private static int freePort(InetAddress address) {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * Waits until the port accepts. The probe connection reaches the script's mapping and ends at once, before
     * any measurement starts.
     */
    private static void awaitListening(InetAddress address, int port) {
        long deadline = System.currentTimeMillis() + BIND_WAIT_MILLIS;
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(address, port), 500);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new UncheckedIOException("the stock server did not listen on port " + port, e);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }
}
