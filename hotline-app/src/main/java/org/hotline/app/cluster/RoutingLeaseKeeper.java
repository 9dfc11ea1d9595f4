package org.hotline.app.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.lease.LeaseFence;
import org.hotline.core.lease.RoutingLeaseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this dispatch node's claim on the routing lease: a stand-by node tries to take it every {@code renew}; the
 * owner renews it every {@code renew} and stops routing by itself once it has not renewed for {@code selfFence}
 * (a watchdog on its own thread, so a renewal stuck in the database cannot delay it), or at once when the database
 * refuses a renewal or a fenced write. A takeover that fails (routing could not start) gives the lease back and is
 * tried again with a doubling pause, until it succeeds or another node holds the lease.
 */
final class RoutingLeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingLeaseKeeper.class);
    private static final long NONE = -1;
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    /** What owning routing means on this node: start it (rebuilding the queue) and stop it. */
    interface Routing {
        CompletionStage<Void> take();

        void release();
    }

    private final RoutingLeaseTable table;
    private final LeaseFence fence;
    private final String holder;
    private final LeaseTiming timing;
    private final Routing routing;
    private final ScheduledExecutorService renewals;
    private final ScheduledExecutorService watchdog;
    private final Counter takeovers;
    private final Counter failedTakeovers;
    private final Counter standDowns;
    /** The token this node holds (routing started or starting), or NONE. */
    private long token = NONE;
    private boolean routingStarted;
    private long validUntilNanos;
    private long nextAttemptNanos;
    private Duration retryPause = FIRST_RETRY;
    private boolean renewFailureLogged;

    RoutingLeaseKeeper(RoutingLeaseTable table, LeaseFence fence, String holder, LeaseTiming timing, Routing routing,
                       MeterRegistry registry) {
        this.table = table;
        this.fence = fence;
        this.holder = holder;
        this.timing = timing;
        this.routing = routing;
        this.renewals = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("routing-lease")
                .factory());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("routing-lease-watchdog").factory());
        this.takeovers = Counter.builder("hotline_routing_takeovers").tag("result", "routing")
                .description("Routing lease takeovers by this node that started routing").register(registry);
        this.failedTakeovers = Counter.builder("hotline_routing_takeovers").tag("result", "failed")
                .description("Routing lease takeovers by this node whose routing could not start").register(registry);
        this.standDowns = Counter.builder("hotline_routing_stand_downs")
                .description("Times this node stopped routing: lease lost, not renewed in time, or a write fenced off")
                .register(registry);
        Gauge.builder("hotline_routing_owner", this, keeper -> keeper.owns() ? 1 : 0)
                .description("1 while this node holds the routing lease and routes").register(registry);
        Gauge.builder("hotline_routing_lease_token", fence, LeaseFence::token)
                .description("The fencing token this node holds, -1 for none").register(registry);
        fence.onRefused(() -> standDown("the database refused a routing write with token {}: another node owns "
                + "routing; this node stopped routing"));
    }

    /** Starts trying to take the lease (at once) and renewing it while held. */
    RoutingLeaseKeeper start() {
        renewals.scheduleWithFixedDelay(this::step, 0, timing.renew().toMillis(), TimeUnit.MILLISECONDS);
        long check = Math.max(50, timing.renew().toMillis() / 4);
        watchdog.scheduleWithFixedDelay(this::checkDeadline, check, check, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Whether this node holds the lease and routing runs here. */
    synchronized boolean owns() {
        return token != NONE && routingStarted;
    }

    private void step() {
        try {
            long held;
            synchronized (this) {
                held = token;
            }
            if (held != NONE) {
                renew(held);
            } else if (System.nanoTime() - nextAttemptNanos >= 0) {
                tryToTake();
            }
        } catch (RuntimeException e) {
            LOG.warn("The routing lease keeper failed a step ({}); it goes on", e.getClass().getSimpleName());
        }
    }

    private void renew(long held) {
        long started = System.nanoTime();
        boolean renewed;
        try {
            renewed = table.renew(held, timing.timeout());
        } catch (RuntimeException e) {
            if (!renewFailureLogged) {
                renewFailureLogged = true;
                LOG.warn("Could not renew the routing lease ({}); this node stops routing if it cannot within {}",
                        e.getClass().getSimpleName(), timing.selfFence());
            }
            return;
        }
        if (!renewed) {
            standDown("the routing lease of token {} was taken by another node; this node stopped routing");
            return;
        }
        synchronized (this) {
            if (token == held) {
                validUntilNanos = started + timing.selfFence().toNanos();
                renewFailureLogged = false;
            }
        }
    }

    private void tryToTake() {
        long started = System.nanoTime();
        OptionalLong taken;
        try {
            taken = table.acquire(holder, timing.timeout());
        } catch (RuntimeException e) {
            LOG.debug("Could not try the routing lease ({})", e.getClass().getSimpleName());
            return;
        }
        if (taken.isEmpty()) {
            // Another node owns routing: a failed takeover of ours is over, the next one starts afresh.
            retryPause = FIRST_RETRY;
            return;
        }
        long mine = taken.getAsLong();
        synchronized (this) {
            token = mine;
            routingStarted = false;
            validUntilNanos = started + timing.selfFence().toNanos();
        }
        fence.hold(mine);
        LOG.info("This node took the routing lease (token {}); starting routing", mine);
        CompletionStage<Void> starting;
        try {
            starting = routing.take();
        } catch (RuntimeException e) {
            starting = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        starting.whenComplete((done, failure) -> {
            if (failure == null) {
                synchronized (this) {
                    if (token == mine) {
                        routingStarted = true;
                        retryPause = FIRST_RETRY;
                    }
                }
                takeovers.increment();
                LOG.info("This node now owns routing (token {})", mine);
            } else {
                renewals.execute(() -> giveBack(mine, failure));
            }
        });
    }

    /** A takeover whose routing did not start: stop, hand the lease back at once, and try again after a pause. */
    private void giveBack(long mine, Throwable failure) {
        failedTakeovers.increment();
        Duration pause;
        synchronized (this) {
            if (token != mine) {
                return;
            }
            token = NONE;
            routingStarted = false;
            pause = retryPause;
            retryPause = retryPause.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY
                    : retryPause.multipliedBy(2);
            nextAttemptNanos = System.nanoTime() + pause.toNanos();
        }
        fence.drop();
        routing.release();
        try {
            table.release(mine);
        } catch (RuntimeException e) {
            LOG.debug("Could not hand the routing lease back ({}); it expires", e.getClass().getSimpleName());
        }
        LOG.error("Could not start routing after taking the lease (token {}): {}; trying again in {} unless another "
                + "node takes it", mine, String.valueOf(failure), pause);
    }

    private void checkDeadline() {
        boolean late;
        synchronized (this) {
            late = token != NONE && System.nanoTime() - validUntilNanos > 0;
        }
        if (late) {
            standDown("could not renew the routing lease of token {} within " + timing.selfFence()
                    + "; this node stopped routing before the lease can expire");
        }
    }

    /** Stops routing here, once per ownership, and logs why with the token. */
    private void standDown(String why) {
        long was;
        synchronized (this) {
            was = token;
            if (was == NONE) {
                return;
            }
            token = NONE;
            routingStarted = false;
            nextAttemptNanos = System.nanoTime();
        }
        fence.drop();
        standDowns.increment();
        LOG.warn(why, was);
        routing.release();
    }

    /** Stops following the lease; a node that owns routing stops it and hands the lease back for a quick takeover. */
    @Override
    public void close() {
        renewals.shutdownNow();
        watchdog.shutdownNow();
        long was;
        synchronized (this) {
            was = token;
            token = NONE;
            routingStarted = false;
        }
        if (was != NONE) {
            fence.drop();
            routing.release();
            try {
                table.release(was);
                LOG.info("Handed the routing lease (token {}) back for another node to take", was);
            } catch (RuntimeException e) {
                LOG.warn("Could not hand the routing lease back ({}); another node takes it when it expires",
                        e.getClass().getSimpleName());
            }
        }
    }
}
