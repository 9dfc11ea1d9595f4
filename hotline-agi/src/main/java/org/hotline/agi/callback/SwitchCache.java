package org.hotline.agi.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managers' callback switches as the IVR sees them: read from the database at most every {@code refresh}, so
 * a manager's change takes effect within it without a restart. When the database cannot be read the last decisions
 * read stay in force (none read yet: the configuration alone decides). Called from FastAGI threads, never an event
 * loop.
 */
final class SwitchCache {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchCache.class);

    private final Supplier<Map<String, Boolean>> source;
    private final Duration refresh;
    private final Clock clock;
    private Map<String, Boolean> current = Map.of();
    private Instant readAt;

    SwitchCache(Supplier<Map<String, Boolean>> source, Duration refresh, Clock clock) {
        this.source = source;
        this.refresh = refresh;
        this.clock = clock;
    }

    synchronized Map<String, Boolean> current() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(refresh))) {
            readAt = now;
            try {
                current = Map.copyOf(source.get());
            } catch (RuntimeException e) {
                LOG.warn("The callback switches could not be read ({}); the last ones read stay in force",
                        e.getClass().getSimpleName());
            }
        }
        return current;
    }
}
