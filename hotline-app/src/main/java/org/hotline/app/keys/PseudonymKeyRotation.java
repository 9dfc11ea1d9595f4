package org.hotline.app.keys;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import org.hotline.agi.pseudonym.PseudonymKeyFile;
import org.hotline.agi.pseudonym.PseudonymKeys;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.AuditTrail;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotating the caller-pseudonym key and destroying the old ones. A rotation makes a new current key; for
 * {@code pseudonym.rotation-overlap} the older keys stay live, and each new call is also pseudonymized under them, so
 * a repeat caller still links to their calls from before. At the end of the overlap (checked at start-up and then
 * daily) an old key is overwritten and deleted. Both are audited by key id; no key material reaches the audit or the
 * log. In the running hotline the IVR's pseudonymizer is told of every change at once.
 */
public final class PseudonymKeyRotation {
    private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeyRotation.class);
    /** The admin socket's word for a rotation asked of the running hotline. */
    public static final String ADMIN_COMMAND = "pseudonym-rotate";
    /** The audit row's actor for the daily destruction: no person does it. */
    static final String SYSTEM = "system";
    static final String COMMAND_LINE = "command-line";
    private static final Duration DAILY = Duration.ofDays(1);

    private final Path keyFile;
    private final Duration overlap;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile Consumer<Map<Integer, byte[]>> liveKeysChanged = keys -> { };

    public PseudonymKeyRotation(Settings settings, Database database, Clock clock) {
        this.keyFile = PseudonymKeyFile.location(settings);
        this.overlap = settings.duration("pseudonym.rotation-overlap");
        this.audit = new JooqAuditTrail(database.dsl());
        this.clock = clock;
    }

    /**
     * From now on tells {@code pseudonymizer} of every change of the live keys, and checks for keys to destroy
     * daily (on a worker: it writes files and the audit).
     */
    public void follow(Vertx vertx, Consumer<Map<Integer, byte[]>> pseudonymizer) {
        this.liveKeysChanged = pseudonymizer;
        vertx.setPeriodic(DAILY.toMillis(), id -> vertx.executeBlocking(this::destroyExpired, false)
                .onFailure(e -> LOG.error("The daily check of old pseudonym keys failed: {}", e.getMessage(), e)));
    }

    /**
     * Destroys every retired key whose overlap has ended, auditing each; returns their ids. Run at start-up, before
     * the IVR takes calls, and daily.
     */
    public synchronized List<Integer> destroyExpired() {
        PseudonymKeys keys = PseudonymKeys.load(keyFile);
        Instant now = clock.instant();
        List<Integer> destroyed = new ArrayList<>();
        for (int id : keys.expired(now, overlap)) {
            keys = keys.destroy(id, now);
            destroyed.add(id);
            audit.record(new AuditEvent(now, null, SYSTEM, AuditAction.PSEUDONYM_KEY_DESTROYED.code(),
                    AuditAction.PSEUDONYM_KEY_DESTROYED.subjectType(), PseudonymKeys.label(id)));
            LOG.info("Destroyed the pseudonym key {} (overwritten and deleted): its overlap of {} days ended; "
                    + "calls under it no longer link to later calls; audited", PseudonymKeys.label(id),
                    overlap.toDays());
        }
        if (!destroyed.isEmpty()) {
            liveKeysChanged.accept(keys.liveKeys());
        }
        return destroyed;
    }

    /** Makes a new current key, audited as done by {@code actorRole}; returns the sentence for the person. */
    public synchronized String rotate(String actorRole) {
        Instant now = clock.instant();
        PseudonymKeys keys = PseudonymKeys.load(keyFile).rotate(now);
        liveKeysChanged.accept(keys.liveKeys());
        String label = PseudonymKeys.label(keys.current());
        audit.record(new AuditEvent(now, null, actorRole, AuditAction.PSEUDONYM_KEY_ROTATED.code(),
                AuditAction.PSEUDONYM_KEY_ROTATED.subjectType(), label));
        LOG.info("The pseudonym key {} is current; the older live keys {} still link repeat callers until their "
                + "overlap of {} days ends; audited", label, keys.live().subList(1, keys.live().size()).stream()
                .map(PseudonymKeys::label).toList(), overlap.toDays());
        return "The pseudonym key " + label + " (" + keys.file(keys.current()) + ") is current; repeat callers still "
                + "link to calls under the older keys until " + now.plus(overlap) + ", when those keys are destroyed. "
                + "Audited. Back up the new key file and " + PseudonymKeys.ringFile(keyFile) + " (the next backup "
                + "includes them).";
    }

    /** The admin socket's answer to a rotation asked of the running hotline. */
    public String rotateOnRequest() {
        try {
            return "ok " + rotate(COMMAND_LINE);
        } catch (StartupException e) {
            return "error " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("The pseudonym key rotation failed", e);
            return "error The rotation failed (" + e + "); the hotline's log has the details.";
        }
    }
}
