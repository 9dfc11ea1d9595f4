package org.hotline.callcontrol;

import java.time.Duration;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;

/**
 * The {@code escalation.*} settings (hotline.properties).
 *
 * @param dial       the Originate Channel for a duty phone, {@code {number}} standing for the number
 * @param ackTimeout how long a paged person has to press 1, from the moment we dial
 * @param rounds     how many times the whole list is paged before the escalation gives up
 */
public record EscalationConfig(String dial, Duration ackTimeout, int rounds) {
    static final String NUMBER = "{number}";

    public static EscalationConfig from(Settings settings) {
        String dial = settings.string("escalation.dial").strip();
        if (!dial.contains(NUMBER)) {
            throw new StartupException("escalation.dial must contain " + NUMBER + " (e.g. PJSIP/{number}@telecom)");
        }
        int rounds = settings.integer("escalation.rounds");
        if (rounds < 1) {
            throw new StartupException("escalation.rounds must be at least 1");
        }
        return new EscalationConfig(dial, settings.duration("escalation.ack-timeout"), rounds);
    }

    /** The channel to dial; the number keeps only what a dial string may hold. */
    String channel(String number) {
        return dial.replace(NUMBER, number.replaceAll("[^0-9+*#]", ""));
    }
}
