package org.hotline.core.lease;

import org.jooq.DSLContext;

/**
 * The condition a routing write carries: called inside the write's transaction, it throws {@link FencedOff} unless
 * this node still owns the routing lease, and holds the lease row until the transaction ends, so no takeover can
 * commit between the check and the write.
 */
@FunctionalInterface
public interface RoutingFence {
    /** One process owns routing for good: nothing to check. */
    RoutingFence NONE = tx -> {
    };

    /** Throws {@link FencedOff} unless this node's token is still the lease's; call inside the write's transaction. */
    void check(DSLContext tx);
}
