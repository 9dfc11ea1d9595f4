package org.hotline.app.cluster;

import java.time.Duration;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;

/**
 * The routing lease's three durations ({@code cluster.lease.*}): the owner renews every {@code renew}; if it has not
 * renewed for {@code selfFence} (timed on its own monotonic clock from the start of its last successful renewal) it
 * stops routing by itself; another node may take the lease only {@code timeout} after the last renewal, by the
 * database's clock. {@code renew < selfFence < timeout}, so a node that cannot renew has stopped before anyone else
 * can start; the gap {@code timeout - selfFence} covers stopping (undeploying routing) and clock-rate drift.
 */
public record LeaseTiming(Duration renew, Duration selfFence, Duration timeout) {
    public LeaseTiming {
        if (renew.isZero() || renew.isNegative() || renew.compareTo(selfFence) >= 0
                || selfFence.compareTo(timeout) >= 0) {
            throw new StartupException("The routing lease needs HOTLINE_CLUSTER_LEASE_RENEW < "
                    + "HOTLINE_CLUSTER_LEASE_SELF_FENCE < HOTLINE_CLUSTER_LEASE_TIMEOUT (now " + renew + ", "
                    + selfFence + ", " + timeout + "): a node must stop routing before its lease can be taken.");
        }
    }

    static LeaseTiming from(Settings settings) {
        return new LeaseTiming(settings.duration("cluster.lease.renew"), settings.duration("cluster.lease.self-fence"),
                settings.duration("cluster.lease.timeout"));
    }
}
