package org.hotline.app.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.call.CallJournal;
import org.hotline.dispatch.DispatchModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects the one dispatch node that owns routing: the oldest cluster member that runs dispatch. Hazelcast orders
 * members by when they joined, identically on every member, so all agree without a vote; a newcomer is always
 * younger, so ownership only moves when the owner leaves or dies. Every other dispatch node stands by, serving
 * screens, and takes over when the membership change reaches it.
 *
 * <p>A network split would give each side an owner until it heals; the README says why a cluster should sit on
 * one site's network.
 */
public final class RoutingElection implements MembershipListener {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingElection.class);

    private final HazelcastInstance hazelcast;
    private final DispatchModule dispatch;
    private final CallJournal journal;
    private final Duration longestHold;
    private boolean taking;

    private RoutingElection(HazelcastInstance hazelcast, DispatchModule dispatch, CallJournal journal,
                            Duration longestHold) {
        this.hazelcast = hazelcast;
        this.dispatch = dispatch;
        this.journal = journal;
        this.longestHold = longestHold;
    }

    /**
     * Starts following the membership; takes routing at once if this node is already the oldest. A new owner
     * rebuilds the queue from the database: calls queued within {@code longestHold} on FastAGI nodes still in the
     * cluster, neither handed off nor ended.
     */
    public static RoutingElection follow(HazelcastInstance hazelcast, DispatchModule dispatch, CallJournal journal,
                                         Duration longestHold) {
        RoutingElection election = new RoutingElection(hazelcast, dispatch, journal, longestHold);
        hazelcast.getCluster().addMembershipListener(election);
        election.decide();
        return election;
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        // A newcomer is younger than every member: ownership cannot move to it.
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        if (decide() && runs(event.getMember(), Role.AGI)) {
            closeCallsOf(event.getMember().getAttribute(ClusterVertx.NODE_ATTRIBUTE));
        }
    }

    /** Takes routing if this node is the oldest dispatch member; returns whether it is. */
    private synchronized boolean decide() {
        Set<Member> members = hazelcast.getCluster().getMembers();
        Optional<Member> owner = members.stream().filter(member -> runs(member, Role.DISPATCH)).findFirst();
        boolean mine = owner.isPresent() && owner.get().localMember();
        if (mine && !dispatch.ownsRouting() && !taking) {
            taking = true;
            Set<String> ivrNodes = members.stream().filter(member -> runs(member, Role.AGI))
                    .map(member -> member.getAttribute(ClusterVertx.NODE_ATTRIBUTE)).collect(Collectors.toSet());
            // The database read runs off the Hazelcast event thread.
            Thread.ofVirtual().name("take-routing").start(() -> take(ivrNodes));
        }
        return mine;
    }

    private void take(Set<String> ivrNodes) {
        List<CallIntake> waiting = List.of();
        try {
            waiting = journal.waitingOn(ivrNodes, Instant.now().minus(longestHold));
        } catch (RuntimeException e) {
            LOG.warn("Could not read the waiting calls ({}); their IVRs re-send them", e.getClass().getSimpleName());
        }
        LOG.info("This node now owns routing; rebuilt {} waiting call(s) from the database", waiting.size());
        dispatch.takeRouting(waiting).onComplete(done -> {
            synchronized (this) {
                taking = false;
            }
            if (done.failed()) {
                LOG.error("Could not take routing: {}", done.cause().toString());
            }
        });
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
}
