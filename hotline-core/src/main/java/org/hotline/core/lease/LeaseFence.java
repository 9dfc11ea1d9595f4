package org.hotline.core.lease;

import org.jooq.DSLContext;

/**
 * The fence of this node's current routing lease: the token it holds, or none. The lease keeper sets the token when
 * it takes the lease and clears it the moment it stands down, so a write still in flight is refused even before
 * another node takes over.
 */
public final class LeaseFence implements RoutingFence {
    private static final long NONE = -1;
    private volatile long token = NONE;
    private volatile Runnable onRefused = () -> {
    };

    /** Called (on the writing thread) when the database refused a write: another node took the lease. */
    public void onRefused(Runnable standDown) {
        this.onRefused = standDown;
    }

    /** This node now holds the lease with {@code token}. */
    public void hold(long token) {
        this.token = token;
    }

    /** This node holds no lease: every routing write is refused from now on. */
    public void drop() {
        token = NONE;
    }

    /** The token held, or -1. */
    public long token() {
        return token;
    }

    @Override
    public void check(DSLContext tx) {
        long held = token;
        if (held == NONE) {
            throw new FencedOff("this node holds no routing lease");
        }
        try {
            RoutingLeaseTable.check(tx, held);
        } catch (FencedOff stale) {
            onRefused.run();
            throw stale;
        }
    }
}
