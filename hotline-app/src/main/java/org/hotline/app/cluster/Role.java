package org.hotline.app.cluster;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hotline.core.StartupException;

/** What one hotline process runs ({@code roles} in {@code hotline.properties}). */
public enum Role {
    /** The FastAGI server, next to an Asterisk. */
    AGI,
    /** Routing (when elected) and the operators' screen, tips and partners. */
    DISPATCH,
    /** The nightly reports, retention, and the managers' report pages. */
    REPORTS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a list such as {@code agi,dispatch}; an unknown or empty list is a start-up error. */
    public static Set<Role> parse(List<String> codes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : codes) {
            try {
                roles.add(valueOf(code.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new StartupException("Unknown role '" + code + "' in HOTLINE_ROLES: use agi, dispatch and/or "
                        + "reports.");
            }
        }
        if (roles.isEmpty()) {
            throw new StartupException("HOTLINE_ROLES is empty: give this process at least one of agi, dispatch, "
                    + "reports.");
        }
        return roles;
    }

    /** The roles as the comma-separated list other cluster members read. */
    public static String codes(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::code).toList());
    }
}
