package org.hotline.core.lease;

import static org.hotline.core.db.Tables.ROUTING_LEASE;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The routing lease row (migration V36), judged by the database's clock so that members' clocks never have to
 * agree. Blocking: call it from virtual or worker threads. Every method is one transaction.
 */
public final class RoutingLeaseTable {
    private static final int ROW = 1;

    private final DSLContext dsl;

    public RoutingLeaseTable(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Who holds the lease, with which token, until when (by the database's clock). */
    public record Lease(String holder, long token, OffsetDateTime expiresAt) {
    }

    /**
     * Takes the lease for {@code holder} if it has expired (or {@code holder} already has it), for {@code timeout},
     * with a new token one larger than the last: one conditional UPDATE, so of two nodes racing, one wins.
     *
     * @return the new fencing token, or empty when another node's lease is still running
     */
    public OptionalLong acquire(String holder, Duration timeout) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            OffsetDateTime now = databaseNow(db);
            int taken = db.update(ROUTING_LEASE)
                    .set(ROUTING_LEASE.HOLDER, holder)
                    .set(ROUTING_LEASE.TOKEN, ROUTING_LEASE.TOKEN.plus(1))
                    .set(ROUTING_LEASE.EXPIRES_AT, now.plus(timeout))
                    .where(ROUTING_LEASE.ID.eq(ROW))
                    .and(ROUTING_LEASE.EXPIRES_AT.lt(now).or(ROUTING_LEASE.HOLDER.eq(holder)))
                    .execute();
            if (taken == 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(db.select(ROUTING_LEASE.TOKEN).from(ROUTING_LEASE)
                    .where(ROUTING_LEASE.ID.eq(ROW)).fetchSingle(ROUTING_LEASE.TOKEN));
        });
    }

    /** Extends the lease of {@code token} by {@code timeout} from now; false when that token no longer holds it. */
    public boolean renew(long token, Duration timeout) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            return db.update(ROUTING_LEASE).set(ROUTING_LEASE.EXPIRES_AT, databaseNow(db).plus(timeout))
                    .where(ROUTING_LEASE.ID.eq(ROW)).and(ROUTING_LEASE.TOKEN.eq(token)).execute() == 1;
        });
    }

    /**
     * Ends the lease of {@code token} now (a node stopping or giving up a failed takeover), so another node takes it
     * at its next attempt instead of after the timeout. Nothing happens if the token no longer holds it.
     */
    public void release(long token) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            db.update(ROUTING_LEASE).set(ROUTING_LEASE.EXPIRES_AT, databaseNow(db).minusSeconds(1))
                    .where(ROUTING_LEASE.ID.eq(ROW)).and(ROUTING_LEASE.TOKEN.eq(token)).execute();
        });
    }

    /** The lease as stored now. */
    public Optional<Lease> current() {
        return dsl.selectFrom(ROUTING_LEASE).where(ROUTING_LEASE.ID.eq(ROW))
                .fetchOptional(r -> new Lease(r.getHolder(), r.getToken(), r.getExpiresAt()));
    }

    /**
     * The fence of {@code token}: locks the lease row inside the caller's transaction (a takeover's UPDATE waits for
     * the write to commit) and refuses the write when the token is not the lease's any more.
     */
    public static void check(DSLContext tx, long token) {
        long current = tx.select(ROUTING_LEASE.TOKEN).from(ROUTING_LEASE).where(ROUTING_LEASE.ID.eq(ROW))
                .forUpdate().fetchSingle(ROUTING_LEASE.TOKEN);
        if (current != token) {
            throw new FencedOff("token " + token + " is not the lease's " + current);
        }
    }

    private static OffsetDateTime databaseNow(DSLContext db) {
        return db.select(DSL.currentOffsetDateTime()).fetchSingle().value1();
    }
}
