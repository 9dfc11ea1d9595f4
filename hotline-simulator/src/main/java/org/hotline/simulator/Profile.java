package org.hotline.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the simulated callers of a {@link Simulation} behave. */
public enum Profile {
    /**
     * A realistic blend: about 60% complete both menus and wait for a hand-off, 15% hang up in the language
     * menu, 10% in the purpose menu, 10% never press a key, 5% press invalid keys first.
     */
    MIXED("mixed"),
    /** Every caller picks a language and a purpose, then waits; some leave a voice message when offered. */
    COMPLETE("complete"),
    /** Every caller picks a language, then "in danger right now" (purpose key 1). */
    EMERGENCY("emergency"),
    /** Every caller hangs up in the language menu or in the purpose menu. */
    HANGUP_IN_MENU("hangup-in-menu"),
    /** Every caller stays on the line and never presses a key. */
    SILENT("silent"),
    /** Every caller presses an invalid key first, then goes on like {@link #COMPLETE}. */
    INVALID_KEYS("invalid-keys");

    private final String cliName;

    Profile(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line, for example {@code hangup-in-menu}. */
    public String cliName() {
        return cliName;
    }

    /**
     * The profile with this command-line name (or constant name), ignoring case.
     *
     * @throws IllegalArgumentException naming the valid choices
     */
    public static Profile fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(profile -> profile.cliName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown profile '" + name + "', expected one of "
                        + Arrays.stream(values()).map(Profile::cliName).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
