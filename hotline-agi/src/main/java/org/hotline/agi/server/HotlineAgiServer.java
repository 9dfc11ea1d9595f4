package org.hotline.agi.server;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;
import org.hotline.core.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk-Java's FastAGI server, made safe for a hotline: every call on its own virtual thread (no pool
 * ceiling, so a burst never drops a caller), explicit script names only, an allowlist of Asterisk hosts,
 * and limits on the request header. {@link #start()} binds before returning, so a port in use fails
 * start-up with a clear message.
 */
public final class HotlineAgiServer extends DefaultAgiServer {
    private static final Logger LOG = LoggerFactory.getLogger(HotlineAgiServer.class);

    private final AgiServerConfig config;
    private final ConnectionMetrics metrics;
    private final RefusalLog refusals;
    private GuardedServerSocket socket;
    private ThreadPoolExecutor calls;
    private Thread acceptor;

    public HotlineAgiServer(AgiServerConfig config, Map<String, AgiScript> scripts, MeterRegistry registry) {
        this(config, scripts, new ConnectionMetrics(registry), new RefusalLog(config.refusalLogInterval()));
    }

    private HotlineAgiServer(AgiServerConfig config, Map<String, AgiScript> scripts, ConnectionMetrics metrics,
                             RefusalLog refusals) {
        super(null, new ExplicitScripts(scripts, metrics, refusals), new NoVerboseChannels());
        this.config = config;
        this.metrics = metrics;
        this.refusals = refusals;
    }

    /** Binds the port and starts accepting calls on a background thread. */
    public synchronized void start() {
        try {
            socket = new GuardedServerSocket(config, metrics, refusals);
        } catch (BindException e) {
            throw new StartupException("The FastAGI port " + config.bind().getHostAddress() + ":" + config.port()
                    + " is already in use or not available; stop the other process or set HOTLINE_AGI_PORT.", e);
        } catch (IOException e) {
            throw new StartupException("The FastAGI server cannot listen on " + config.bind().getHostAddress() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        // Asterisk-Java logs its own "Listening on" line from these; keep it truthful.
        setAddress(config.bind());
        setPort(socket.boundPort());
        acceptor = Thread.ofPlatform().name("fastagi-accept").daemon().start(() -> {
            try {
                startup();
            } catch (IOException e) {
                LOG.error("FastAGI server stopped accepting calls: {}", e.getMessage());
            }
        });
    }

    /** The port actually bound (useful when the configuration asked for port 0). */
    public int boundPort() {
        return socket.boundPort();
    }

    /** FastAGI connections open now. */
    public int openConnections() {
        return metrics.openConnections();
    }

    /**
     * Stops accepting calls, then waits up to {@code grace} for calls in progress to finish their current
     * step and leave.
     */
    public void stop(Duration grace) {
        shutdown();
        try {
            if (acceptor != null) {
                acceptor.join(Duration.ofSeconds(2));
            }
            if (calls != null && !calls.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} call(s) still in the IVR after {} s; their channels will fall back in the dialplan",
                        calls.getActiveCount(), grace.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            refusals.close();
        }
    }

    @Override
    protected ServerSocketFacade createServerSocket() {
        return socket;
    }

    @Override
    protected synchronized ThreadPoolExecutor createPool() {
        // A virtual thread per call: a SynchronousQueue hands each call straight to an idle or a new thread, and
        // the maximum is unbounded, so no call is ever rejected for lack of a thread. An idle thread may serve the
        // next call within a second, so each call starts with no refusal remembered from the one before.
        calls = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Thread.ofVirtual().name("agi-call-", 0).factory()) {
            @Override
            protected void beforeExecute(Thread thread, Runnable call) {
                ConnectionRefused.forgetThisThread();
            }
        };
        return calls;
    }
}
