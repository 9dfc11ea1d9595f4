package org.hotline.core.lease;

/**
 * A routing write refused because its fencing token is no longer the routing lease's: another node owns routing
 * now (or this one stood down), so what this node was about to write came from a stale view. Never retried.
 */
public final class FencedOff extends RuntimeException {
    public FencedOff(String why) {
        super("routing write fenced off: " + why, null, false, false);
    }
}
