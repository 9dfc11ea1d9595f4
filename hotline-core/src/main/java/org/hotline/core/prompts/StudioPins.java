package org.hotline.core.prompts;

import static org.hotline.core.db.Tables.STUDIO_PINS;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hotline.core.db.tables.records.StudioPinsRecord;
import org.hotline.core.security.PasswordHasher;
import org.jooq.DSLContext;

/**
 * Studio PINs for recording by phone: each speaker has a studio number (shown on the studio page) and a PIN of 4 to
 * 8 digits, stored only as an Argon2id hash. Failed PINs in a row lock that person's PIN for a while, as failed
 * sign-ins do. Slow and blocking: call it from a worker or virtual thread. The PIN is never logged.
 */
public final class StudioPins {
    public static final Pattern PIN = Pattern.compile("[0-9]{4,8}");
    private static final int FIRST_NUMBER = 101;

    /** What a PIN check found. */
    public sealed interface Check {
        record Accepted(String operatorId) implements Check { }

        record Refused() implements Check { }

        record Locked() implements Check { }
    }

    private final DSLContext db;
    private final int attempts;
    private final Duration lockout;
    private final PasswordHasher hasher = new PasswordHasher();

    public StudioPins(DSLContext db, int attempts, Duration lockout) {
        this.db = db;
        this.attempts = attempts;
        this.lockout = lockout;
    }

    /** Sets (or replaces) a person's PIN; returns their studio number. */
    public String set(String operatorId, char[] pin, Instant now) {
        if (!PIN.matcher(java.nio.CharBuffer.wrap(pin)).matches()) {
            throw new IllegalArgumentException("a studio PIN is 4 to 8 digits");
        }
        String hash = hash(pin);
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            StudioPinsRecord existing = t.selectFrom(STUDIO_PINS).where(STUDIO_PINS.OPERATOR_ID.eq(operatorId))
                    .fetchOne();
            if (existing != null) {
                t.update(STUDIO_PINS).set(STUDIO_PINS.PIN_HASH, hash).set(STUDIO_PINS.SET_AT, now.atOffset(ZoneOffset.UTC))
                        .set(STUDIO_PINS.FAILURES, 0).setNull(STUDIO_PINS.LOCKED_UNTIL)
                        .where(STUDIO_PINS.OPERATOR_ID.eq(operatorId)).execute();
                return existing.getStudioNumber();
            }
            int next = t.select(STUDIO_PINS.STUDIO_NUMBER).from(STUDIO_PINS).fetch(r -> Integer.parseInt(r.value1()))
                    .stream().mapToInt(Integer::intValue).max().orElse(FIRST_NUMBER - 1) + 1;
            t.insertInto(STUDIO_PINS).set(STUDIO_PINS.OPERATOR_ID, operatorId)
                    .set(STUDIO_PINS.STUDIO_NUMBER, String.valueOf(next)).set(STUDIO_PINS.PIN_HASH, hash)
                    .set(STUDIO_PINS.SET_AT, now.atOffset(ZoneOffset.UTC)).set(STUDIO_PINS.FAILURES, 0).execute();
            return String.valueOf(next);
        });
    }

    /** A person's studio number, if they have a PIN. */
    public Optional<String> number(String operatorId) {
        return db.select(STUDIO_PINS.STUDIO_NUMBER).from(STUDIO_PINS).where(STUDIO_PINS.OPERATOR_ID.eq(operatorId))
                .fetchOptional(r -> r.value1());
    }

    /** Checks a studio number and PIN; an unknown number is refused like a wrong PIN. */
    public Check check(String studioNumber, char[] pin, Instant now) {
        StudioPinsRecord row = db.selectFrom(STUDIO_PINS).where(STUDIO_PINS.STUDIO_NUMBER.eq(studioNumber)).fetchOne();
        if (row == null) {
            // As slow as a real check, so the answer's timing does not tell which numbers exist.
            verify(pin, hash(new char[] {'0'}));
            return new Check.Refused();
        }
        if (row.getLockedUntil() != null && row.getLockedUntil().toInstant().isAfter(now)) {
            return new Check.Locked();
        }
        if (verify(pin, row.getPinHash())) {
            db.update(STUDIO_PINS).set(STUDIO_PINS.FAILURES, 0).setNull(STUDIO_PINS.LOCKED_UNTIL)
                    .where(STUDIO_PINS.OPERATOR_ID.eq(row.getOperatorId())).execute();
            return new Check.Accepted(row.getOperatorId());
        }
        int failures = row.getFailures() + 1;
        boolean lock = failures >= attempts;
        db.update(STUDIO_PINS).set(STUDIO_PINS.FAILURES, lock ? 0 : failures)
                .set(STUDIO_PINS.LOCKED_UNTIL, lock ? now.plus(lockout).atOffset(ZoneOffset.UTC) : null)
                .where(STUDIO_PINS.OPERATOR_ID.eq(row.getOperatorId())).execute();
        return lock ? new Check.Locked() : new Check.Refused();
    }

    private String hash(char[] pin) {
        return hasher.hash(pin);
    }

    private boolean verify(char[] pin, String stored) {
        return hasher.verify(pin, stored);
    }
}
