package org.hotline.app.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.util.Arrays;
import java.util.Optional;
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

    private RoutingElection(HazelcastInstance hazelcast, DispatchModule dispatch) {
        this.hazelcast = hazelcast;
        this.dispatch = dispatch;
    }

    /** Starts following the membership; takes routing at once if this node is already the oldest. */
    public static RoutingElection follow(HazelcastInstance hazelcast, DispatchModule dispatch) {
        RoutingElection election = new RoutingElection(hazelcast, dispatch);
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
        decide();
    }

    private void decide() {
        Optional<Member> owner = hazelcast.getCluster().getMembers().stream()
                .filter(RoutingElection::runsDispatch).findFirst();
        if (owner.isPresent() && owner.get().localMember() && !dispatch.ownsRouting()) {
            LOG.info("This node now owns routing");
            dispatch.takeRouting().onFailure(e -> LOG.error("Could not take routing: {}", e.toString()));
        }
    }

    private static boolean runsDispatch(Member member) {
        String roles = member.getAttribute(ClusterVertx.ROLES_ATTRIBUTE);
        return roles != null && Arrays.asList(roles.split(",")).contains(Role.DISPATCH.code());
    }
}
