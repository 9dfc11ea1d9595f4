package org.hotline.simulator.ami;

import java.util.Set;

/**
 * What the fake does when a channel enters an extension of {@code [hotline-callcontrol]} in
 * asterisk-conf/extensions.conf: the same extensions, the same variables, the same ConfBridge profiles.
 */
final class FakeDialplan {
    static final String CONTEXT = "hotline-callcontrol";
    /** Extensions that run ConfBridge(${HOTLINE_ROOM}, ...); operators join with the marked profile. */
    static final Set<String> ROOM_EXTENSIONS = Set.of("caller", "operator", "interpreter", "barge", "oncall");
    /** Extensions that join with the marked (operator) profile: an operator, or a duty person who pressed 1. */
    static final Set<String> MARKED = Set.of("operator", "oncall");
    /** [hotline-oncall] page: a duty phone hears what is waiting and Read()s one digit; 1 goes to oncall. */
    static final String ONCALL_CONTEXT = "hotline-oncall";
    static final String ONCALL_PAGE = "page";
    static final String ONCALL_ACK = "oncall";
    static final String HOLD = "hold";
    /** Goto(hotline-fallback,s,1): the fallback queue, where the fake leaves the channel. */
    static final String FALLBACK = "fallback";
    /** ChanSpy(${HOTLINE_SPY},qEu) and ChanSpy(${HOTLINE_SPY},qEuw). */
    static final Set<String> SPY_EXTENSIONS = Set.of("listen", "whisper");
    static final String ROOM_VARIABLE = "HOTLINE_ROOM";
    static final String SPY_VARIABLE = "HOTLINE_SPY";

    private FakeDialplan() {
    }

    static boolean exists(String context, String exten) {
        if (ONCALL_CONTEXT.equals(context)) {
            return FakeOncall.exists(exten);
        }
        return CONTEXT.equals(context)
                && (ROOM_EXTENSIONS.contains(exten) || SPY_EXTENSIONS.contains(exten) || HOLD.equals(exten)
                || FALLBACK.equals(exten));
    }
}
