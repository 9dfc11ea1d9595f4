package org.hotline.callcontrol;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConfbridgeJoinEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.core.bus.CallControlReply.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI connection, through Asterisk-Java's {@link ManagerConnection}: logs in (MD5 challenge), keeps trying
 * while Asterisk is down, and lets Asterisk-Java reconnect after a restart. Blocking work (connecting, writing an
 * action) runs on virtual threads, never on the caller's thread. Events are turned into {@link AmiEvent}s field
 * by field; a raw event is never logged or passed on, because Asterisk puts the caller's number in them.
 */
final class AmiLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiLink.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    /** What the link reports; called from Asterisk-Java's threads. */
    interface Listener {
        void event(AmiEvent event);

        void up();

        void down();
    }

    /** An action's outcome: null problem when Asterisk said Success. */
    record Outcome(Problem problem, String message) {
    }

    private final CallControlConfig config;
    private final Listener listener;
    private final ManagerConnection connection;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean up = new AtomicBoolean();
    private volatile boolean closed;

    AmiLink(CallControlConfig config, Listener listener) {
        this.config = config;
        this.listener = listener;
        this.connection = new ManagerConnectionFactory(config.host(), config.port(), config.username(),
                config.secret()).createManagerConnection();
        connection.setKeepAliveAfterAuthenticationFailure(true);
        connection.registerUserEventClass(HotlineOncallAckEvent.class);
        connection.addEventListener(this::onEvent);
    }

    /** Starts connecting in the background; {@link Listener#up()} follows once logged in. */
    void start() {
        threads.execute(this::firstLogin);
        threads.execute(this::pingLoop);
    }

    boolean isUp() {
        return up.get();
    }

    /** Sends an action; the outcome is TIMEOUT when no response comes within ami.action-timeout. */
    CompletableFuture<Outcome> send(ManagerAction action) {
        if (!isUp()) {
            return CompletableFuture.completedFuture(new Outcome(Problem.UNAVAILABLE, null));
        }
        return transmit(action);
    }

    /** Sends whether or not the link counts as up: the ping must, to notice that a silent Asterisk is back. */
    private CompletableFuture<Outcome> transmit(ManagerAction action) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        threads.execute(() -> {
            try {
                connection.sendAction(action, response -> outcome.complete(outcomeOf(response)));
            } catch (Exception e) {
                LOG.warn("AMI action {} could not be sent: {}", action.getAction(), e.toString());
                outcome.complete(new Outcome(Problem.UNAVAILABLE, null));
            }
        });
        return outcome.completeOnTimeout(new Outcome(Problem.TIMEOUT, null), config.actionTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static Outcome outcomeOf(ManagerResponse response) {
        if (response == null) {
            // Asterisk-Java answers pending actions with null when the connection drops.
            return new Outcome(Problem.UNAVAILABLE, null);
        }
        if (response instanceof ManagerError) {
            return new Outcome(Problem.REFUSED, response.getMessage());
        }
        return new Outcome(null, response.getMessage());
    }

    private void firstLogin() {
        while (!closed) {
            try {
                connection.login("call,system");
                return;
            } catch (Exception e) {
                LOG.warn("AMI login to {}:{} failed ({}); call control stays unavailable, retrying in {}s",
                        config.host(), config.port(), e.getMessage(), RETRY.toSeconds());
                sleep(RETRY);
            }
        }
    }

    /** A hung Asterisk keeps the socket open and says nothing: only a ping notices. */
    private void pingLoop() {
        while (!closed) {
            sleep(config.pingInterval());
            if (closed || connection.getState() != ManagerConnectionState.CONNECTED) {
                continue;
            }
            Outcome pong = transmit(new PingAction()).join();
            if (pong.problem() == null) {
                markUp();
            } else if (pong.problem() == Problem.TIMEOUT) {
                markDown("Asterisk did not answer a ping");
            }
        }
    }

    private void onEvent(ManagerEvent event) {
        switch (event) {
            case ConnectEvent ignored -> markUp();
            case DisconnectEvent ignored -> markDown("connection lost");
            case ConfbridgeJoinEvent join -> listener.event(new AmiEvent.Joined(join.getConference(),
                    join.getChannel(), join.getUniqueId(), Exten.fromDialplan(join.getExten())));
            case HotlineOncallAckEvent ack -> listener.event(new AmiEvent.MessageTaken(ack.getUniqueId()));
            case HangupEvent hangup -> listener.event(new AmiEvent.HungUp(hangup.getChannel(), hangup.getUniqueId()));
            case OriginateResponseEvent originate -> listener.event(new AmiEvent.Originated(originate.getUniqueId(),
                    originate.getChannel(), "Success".equalsIgnoreCase(originate.getResponse()),
                    originate.getReason() == null ? 0 : originate.getReason()));
            default -> {
                // Every other event is dropped unread.
            }
        }
    }

    private void markUp() {
        if (up.compareAndSet(false, true)) {
            LOG.info("AMI connected to {}:{}: call control available", config.host(), config.port());
            listener.up();
        }
    }

    private void markDown(String why) {
        if (up.compareAndSet(true, false)) {
            LOG.warn("AMI down ({}): call control unavailable; calls go on", why);
            listener.down();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (connection.getState() == ManagerConnectionState.CONNECTED) {
                connection.logoff();
            }
        } catch (RuntimeException e) {
            LOG.debug("AMI logoff failed: {}", e.toString());
        }
        threads.shutdownNow();
    }
}
