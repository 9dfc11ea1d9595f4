package org.hotline.dispatch.screen;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Growing waits after failed sign-ins, counted separately per name and per address (which allows more, for
 * offices behind one address). There is no lockout: once
 * the wait has passed, the next try is checked, so the real user always gets in with the right password. A try
 * counts as a failure from the moment it starts (a success undoes that), so parallel guesses cannot slip in
 * before the first of them fails. Tries refused for waiting are not counted, so the wait a person is told
 * is the wait they get.
 *
 * <p>Memory is bounded: at most {@link #MAX_ENTRIES} names and addresses are remembered, the oldest dropped
 * first. Thread-safe.
 */
final class SignInThrottle {
    static final int MAX_ENTRIES = 10_000;

    private final int freeByName;
    private final int freeByAddress;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    // Insertion order is refreshed on each touch, so iteration meets the least recently failed first.
    private final Map<String, Failures> entries = new LinkedHashMap<>(16, 0.75f, true);

    SignInThrottle(int freeByName, int freeByAddress, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {
        this.freeByName = freeByName;
        this.freeByAddress = freeByAddress;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
    }

    static SignInThrottle from(ScreenConfig config) {
        return new SignInThrottle(config.freeFailures(), config.freeFailuresPerAddress(), config.firstDelay(),
                config.maxDelay(), config.forgetAfter());
    }

    /** How long this name and address must still wait before a try is checked; zero when they may try now. */
    synchronized Duration waitFor(String username, String address, Instant now) {
        Duration byName = remaining(nameKey(username), freeByName, now);
        Duration byAddress = remaining(addressKey(address), freeByAddress, now);
        return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    }

    /** A try begins: it counts as a failure for the name and the address until {@link #succeeded} says otherwise. */
    synchronized void begin(String username, String address, Instant now) {
        count(nameKey(username), now);
        count(addressKey(address), now);
    }

    /** The try succeeded: the name starts afresh, and the address is forgiven this one try. */
    synchronized void succeeded(String username, String address) {
        entries.remove(nameKey(username));
        Failures byAddress = entries.get(addressKey(address));
        if (byAddress != null && --byAddress.count <= 0) {
            entries.remove(addressKey(address));
        }
    }

    /** Failures in a row recorded for this address, for the log line. */
    synchronized int failuresFromAddress(String address) {
        Failures failures = entries.get(addressKey(address));
        return failures == null ? 0 : failures.count;
    }

    synchronized int size() {
        return entries.size();
    }

    private Duration remaining(String key, int free, Instant now) {
        Failures failures = entries.get(key);
        if (failures == null) {
            return Duration.ZERO;
        }
        if (forgotten(failures, now)) {
            entries.remove(key);
            return Duration.ZERO;
        }
        if (failures.count < free) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, failures.last.plus(delay(failures.count, free))).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The wait after {@code count} failures: the first delay, doubled for each failure past the free ones. */
    Duration delay(int count, int free) {
        int doublings = Math.min(Math.max(0, count - free), 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private void count(String key, Instant now) {
        Failures failures = entries.get(key);
        if (failures == null || forgotten(failures, now)) {
            failures = new Failures();
            entries.put(key, failures);
        }
        failures.count++;
        failures.last = now;
        trim(now);
    }

    private void trim(Instant now) {
        Iterator<Failures> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext() && entries.size() > MAX_ENTRIES) {
            oldestFirst.next();
            oldestFirst.remove();
        }
        // Also drop what has been forgotten, a few at a time, so the map does not keep stale entries.
        Iterator<Failures> stale = entries.values().iterator();
        for (int i = 0; i < 8 && stale.hasNext(); i++) {
            if (forgotten(stale.next(), now)) {
                stale.remove();
            } else {
                break;
            }
        }
    }

    private boolean forgotten(Failures failures, Instant now) {
        return !now.isBefore(failures.last.plus(forgetAfter));
    }

    private static String nameKey(String username) {
        return "name:" + username;
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }

    private static final class Failures {
        int count;
        Instant last;
    }
}
