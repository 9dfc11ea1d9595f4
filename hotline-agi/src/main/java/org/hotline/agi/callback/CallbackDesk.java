package org.hotline.agi.callback;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import org.hotline.agi.pseudonym.Pseudonymizer;
import org.hotline.core.callback.CallbackConfig;
import org.hotline.core.callback.CallbackId;
import org.hotline.core.callback.CallbackVault;

/**
 * The IVR's side of the opt-in callback: whether a caller is offered one, and keeping the number of a caller who
 * accepts. The number goes from the FastAGI request straight into the encrypted vault and is not kept anywhere
 * else; what leaves here is the opaque {@link CallbackId}.
 */
public final class CallbackDesk {
    private final CallbackConfig config;
    private final CallbackVault vault;
    private final Clock clock;
    private final SwitchCache switches;

    private CallbackDesk(CallbackConfig config, CallbackVault vault, Clock clock, SwitchCache switches) {
        this.config = config;
        this.vault = vault;
        this.clock = clock;
        this.switches = switches;
    }

    /** The desk with the configuration alone deciding who is offered a callback. */
    public static CallbackDesk from(CallbackConfig config, Clock clock) {
        return from(config, clock, Map::of, Duration.ofDays(1));
    }

    /**
     * The desk; its vault (key file and directory) is opened only when the master switch {@code callback.enabled}
     * is on. The managers' switches per language come from {@code switches}, read at most every {@code refresh}.
     */
    public static CallbackDesk from(CallbackConfig config, Clock clock, Supplier<Map<String, Boolean>> switches,
                                    Duration refresh) {
        return new CallbackDesk(config, config.enabled() ? CallbackVault.open(config) : null, clock,
                new SwitchCache(switches, refresh, clock));
    }

    /** The vault, when callbacks are turned on somewhere. */
    public Optional<CallbackVault> vault() {
        return Optional.ofNullable(vault);
    }

    /** The settings the desk works with. */
    public CallbackConfig config() {
        return config;
    }

    /**
     * Whether this caller is offered a callback: it is turned on for the language and route, and the caller's
     * number is one that can be dialled back (a withheld or unparseable number is never offered one).
     */
    public boolean offered(String languageCode, String routeNumber, String rawNumber, String trunkCountry) {
        return vault != null && config.offeredTo(languageCode, routeNumber, switches.current())
                && Pseudonymizer.dialable(rawNumber, trunkCountry).isPresent();
    }

    /** Keeps the caller's number, encrypted, for at most {@code callback.retention}; empty if it cannot be dialled. */
    public Optional<CallbackId> keep(String callId, String rawNumber, String trunkCountry) {
        if (vault == null) {
            return Optional.empty();
        }
        return Pseudonymizer.dialable(rawNumber, trunkCountry)
                .map(number -> vault.keep(callId, number, clock.instant().plus(config.retention())));
    }
}
