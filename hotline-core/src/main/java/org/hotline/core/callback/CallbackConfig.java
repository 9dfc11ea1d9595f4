package org.hotline.core.callback;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.core.config.Settings;

/**
 * The opt-in callback, read from {@code callback.*}.
 *
 * @param enabled    the master switch ({@code callback.enabled}, off by default): off, nobody is offered a callback
 *                   whatever a manager turned on, and no vault is made
 * @param languages  the language codes whose callers are offered a callback until a manager decides otherwise on
 *                   the manager screen (a stored decision per language wins, see {@link CallbackSwitches})
 * @param routes     the dialled numbers (route numbers, {@code *} for the default route) where it is offered;
 *                   empty means every route of an enabled language
 * @param offerAfter how long a caller holds before the offer
 * @param retention  the longest a number is kept, whatever happens to the callback
 * @param attempts   how many times the number is dialled before the callback is recorded as failed
 * @param retryPause the pause between two attempts (the operator waits in the conference meanwhile)
 * @param dialString how the trunk is dialled, {@code {number}} standing for the E.164 number
 * @param sweepInterval how often numbers past their retention are looked for and destroyed
 * @param keyFile    the AES-256 key that encrypts the kept numbers
 * @param directory  where the encrypted numbers are kept, one file each, outside the database
 */
public record CallbackConfig(boolean enabled, Set<String> languages, Set<String> routes, Duration offerAfter, Duration retention,
                             int attempts, Duration retryPause, String dialString, Duration sweepInterval, Path keyFile, Path directory) {

    public static CallbackConfig from(Settings settings) {
        Path dataDir = settings.path("data.dir");
        String key = settings.string("callback.key-file");
        return new CallbackConfig(settings.bool("callback.enabled"), codes(settings.list("callback.languages")), codes(settings.list("callback.routes")),
                settings.duration("callback.offer-after"), settings.duration("callback.retention"),
                settings.integer("callback.attempts"), settings.duration("callback.retry-pause"),
                settings.string("callback.dial-string"), settings.duration("callback.sweep-interval"),
                (key.isEmpty() ? dataDir.resolve("callback.key") : Path.of(key)).toAbsolutePath().normalize(),
                dataDir.resolve("callbacks").toAbsolutePath().normalize());
    }

    /**
     * Whether a caller in {@code languageCode} who dialled {@code routeNumber} is offered a callback by the
     * configuration alone (no manager decision stored).
     */
    public boolean offeredTo(String languageCode, String routeNumber) {
        return offeredTo(languageCode, routeNumber, Map.of());
    }

    /**
     * Whether a caller in {@code languageCode} who dialled {@code routeNumber} is offered a callback, with the
     * managers' stored decisions per language ({@code true} on, {@code false} off) over the configured languages.
     */
    public boolean offeredTo(String languageCode, String routeNumber, Map<String, Boolean> managerSwitches) {
        boolean language = managerSwitches.getOrDefault(languageCode, languages.contains(languageCode));
        return enabled && language && (routes.isEmpty() || routes.contains(routeNumber));
    }

    /** The channel that dials {@code number} through the trunk. */
    public String channelFor(String number) {
        return dialString.replace("{number}", number);
    }

    private static Set<String> codes(List<String> values) {
        return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
