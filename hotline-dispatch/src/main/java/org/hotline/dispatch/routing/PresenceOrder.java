package org.hotline.dispatch.routing;

import java.util.HashMap;
import java.util.Map;
import org.hotline.core.bus.Presence;

/**
 * Which presence messages routing still applies. Screen servers retry a presence until some routing owner
 * acknowledges it (a takeover, a slow owner), so a "disconnected" sent before a reload can arrive after the
 * reload's "connected": applied, it would set an operator whose screen is open away, with their offer withdrawn.
 * Routing keeps the time of the newest presence per operator and ignores older ones. Presences from different
 * screen servers are ordered by their clocks (kept in step by NTP; a browser moving nodes reconnects after a second
 * or more). Unstamped presences (older senders) are always applied.
 *
 * <p>Pure; not thread-safe: the routing event loop owns it.
 */
final class PresenceOrder {
    private final Map<String, Long> newest = new HashMap<>();

    /** Whether {@code presence} is newer than every presence applied for its operator; if so it is the newest now. */
    boolean fresh(Presence presence) {
        if (presence.at() == Presence.NOT_STAMPED) {
            return true;
        }
        Long seen = newest.get(presence.operatorId());
        if (seen != null && presence.at() <= seen) {
            return false;
        }
        newest.put(presence.operatorId(), presence.at());
        return true;
    }
}
