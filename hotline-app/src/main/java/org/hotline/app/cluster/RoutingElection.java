package org.hotline.app.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.call.CallJournal;
import org.hotline.core.lease.LeaseFence;
import org.hotline.core.lease.RoutingLeaseTable;
import org.hotline.dispatch.DispatchModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which dispatch node routes: the one holding the routing lease in the shared database
 * ({@link RoutingLeaseKeeper}), never a Hazelcast membership view, so a network split between members cannot give
 * two owners: whichever side can reach the database and holds the lease routes, and the lease's fencing token
 * refuses the writes of a node that lost it. Hazelcast membership is still followed for what it knows: which
 * FastAGI nodes are alive, whose waiting calls a new owner rebuilds, and whose calls it closes when they leave.
 */
public final class RoutingElection implements MembershipListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingElection.class);

    private final HazelcastInstance hazelcast;
    private final DispatchModule dispatch;
    private final CallJournal journal;
    private final Duration longestHold;
    private RoutingLeaseKeeper keeper;

    private RoutingElection(HazelcastInstance hazelcast, DispatchModule dispatch, CallJournal journal,
                            Duration longestHold) {
        this.hazelcast = hazelcast;
        this.dispatch = dispatch;
        this.journal = journal;
        this.longestHold = longestHold;
    }

    /**
     * Starts following the lease (taking it at once if it is free) and the membership. A new owner rebuilds the
     * queue from the database: calls queued within {@code longestHold} on FastAGI nodes still in the cluster,
     * neither handed off nor ended.
     *
     * @param fence the fence the journal and the operator directory of {@code dispatch} carry
     */
    public static RoutingElection follow(HazelcastInstance hazelcast, DispatchModule dispatch, CallJournal journal,
                                         Duration longestHold, RoutingLeaseTable lease, LeaseFence fence,
                                         LeaseTiming timing, String node, MeterRegistry registry) {
        RoutingElection election = new RoutingElection(hazelcast, dispatch, journal, longestHold);
        hazelcast.getCluster().addMembershipListener(election);
        election.keeper = new RoutingLeaseKeeper(lease, fence, node, timing, new RoutingLeaseKeeper.Routing() {
            @Override
            public CompletionStage<Void> take() {
                return election.take();
            }

            @Override
            public void release() {
                dispatch.releaseRouting();
            }
        }, registry).start();
        return election;
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        // Membership does not decide routing: the lease does.
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        if (dispatch.ownsRouting() && runs(event.getMember(), Role.AGI)) {
            closeCallsOf(event.getMember().getAttribute(ClusterVertx.NODE_ATTRIBUTE));
        }
    }

    private CompletionStage<Void> take() {
        Set<String> ivrNodes = hazelcast.getCluster().getMembers().stream().filter(member -> runs(member, Role.AGI))
                .map(member -> member.getAttribute(ClusterVertx.NODE_ATTRIBUTE)).collect(Collectors.toSet());
        CompletableFuture<Void> taken = new CompletableFuture<>();
        // The database read runs off the lease keeper's thread, which goes on renewing meanwhile.
        Thread.ofVirtual().name("take-routing").start(() -> {
            List<CallIntake> waiting = List.of();
            try {
                waiting = journal.waitingOn(ivrNodes, Instant.now().minus(longestHold));
            } catch (RuntimeException e) {
                LOG.warn("Could not read the waiting calls ({}); their IVRs re-send them",
                        e.getClass().getSimpleName());
            }
            LOG.info("Starting routing; rebuilt {} waiting call(s) from the database", waiting.size());
            dispatch.takeRouting(waiting).onComplete(done -> {
                if (done.succeeded()) {
                    taken.complete(null);
                } else {
                    taken.completeExceptionally(done.cause());
                }
            });
        });
        return taken;
    }

    /**
     * A FastAGI node left (died): its callers' dialplans fell back to the human queue, and it cannot report their
     * ends. The routing owner closes what it left in the IVR, off the Hazelcast event thread.
     */
    private void closeCallsOf(String node) {
        if (node == null) {
            return;
        }
        Thread.ofVirtual().name("close-calls-of-left-node").start(() -> {
            try {
                Instant now = Instant.now();
                int closed = journal.closeInterruptedOf(node, now, now);
                LOG.warn("FastAGI node {} left the cluster; closed {} of its call(s) as failed", node, closed);
            } catch (RuntimeException e) {
                LOG.warn("Could not close the calls of FastAGI node {} ({}); it closes them when it restarts", node,
                        e.getClass().getSimpleName());
            }
        });
    }

    private static boolean runs(Member member, Role role) {
        String roles = member.getAttribute(ClusterVertx.ROLES_ATTRIBUTE);
        return roles != null && Arrays.asList(roles.split(",")).contains(role.code());
    }

    /** Stops routing here, if it did, and hands the lease back so another node takes over at once. */
    @Override
    public void close() {
        if (keeper != null) {
            keeper.close();
        }
    }
}
