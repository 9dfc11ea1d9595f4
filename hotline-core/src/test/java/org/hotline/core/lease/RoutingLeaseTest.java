package org.hotline.core.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.OPERATORS;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.call.NewCall;
import org.hotline.core.storage.Database;
import org.hotline.core.testing.TestDatabases;
import org.hotline.core.testing.TestDatabases.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The routing lease and its fence on real H2 and real PostgreSQL with the real migrations: one holder at a time,
 * a larger token at every takeover, and the writes of a node that lost the lease refused by the database.
 */
class RoutingLeaseTest {
    private static final Duration LONG = Duration.ofMinutes(5);

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLeaseIsTakenOnlyOnceExpiredAndEveryTakeoverHasALargerToken(Engine engine) {
        try (Database database = TestDatabases.open(engine, dataDir)) {
            RoutingLeaseTable lease = new RoutingLeaseTable(database.dsl());
            long first = lease.acquire("node-a", LONG).orElseThrow();
            assertThat(lease.acquire("node-b", LONG)).isEmpty();
            assertThat(lease.renew(first, LONG)).isTrue();
            assertThat(lease.current().orElseThrow().holder()).isEqualTo("node-a");

            lease.release(first);
            long second = lease.acquire("node-b", Duration.ofMillis(300)).orElseThrow();
            assertThat(second).isGreaterThan(first);
            assertThat(lease.renew(first, LONG)).as("the old owner cannot renew").isFalse();

            // Not renewed: it expires by the database's clock, and the next owner's token is larger again.
            OptionalLong[] third = new OptionalLong[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> (third[0] = lease.acquire("node-a", LONG)).isPresent());
            assertThat(third[0].getAsLong()).isGreaterThan(second);
            assertThat(lease.renew(second, LONG)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStaleOwnersRoutingWritesAreRefusedByTheFenceAndNothingChanges(Engine engine) {
        try (Database database = TestDatabases.open(engine, dataDir)) {
            RoutingLeaseTable lease = new RoutingLeaseTable(database.dsl());
            LeaseFence fenceA = new LeaseFence();
            LeaseFence fenceB = new LeaseFence();
            AtomicInteger refusalsSeenByA = new AtomicInteger();
            fenceA.onRefused(refusalsSeenByA::incrementAndGet);
            JooqCallJournal ivr = new JooqCallJournal(database.dsl(), "agi-1");
            JooqCallJournal routingA = new JooqCallJournal(database.dsl(), "agi-1", fenceA);
            JooqCallJournal routingB = new JooqCallJournal(database.dsl(), "agi-1", fenceB);
            Instant t0 = Instant.parse("2026-12-08T08:00:00Z");
            String call = ivr.enter(new NewCall(java.util.UUID.randomUUID().toString(), "1765180800.1", "100",
                    null, "AF", t0));
            ivr.step(call, CallStep.QUEUED, t0);
            for (String operator : java.util.List.of("operator-a", "operator-b")) {
                database.dsl().insertInto(OPERATORS, OPERATORS.ID, OPERATORS.USERNAME, OPERATORS.DISPLAY_NAME,
                        OPERATORS.ROLE, OPERATORS.LANGUAGES, OPERATORS.INTERPRETER, OPERATORS.PASSWORD_HASH,
                        OPERATORS.ENABLED, OPERATORS.CREATED_AT).values(operator, operator, operator, "operator",
                        "prs", false, "x", true, t0.atOffset(java.time.ZoneOffset.UTC)).execute();
            }

            fenceA.hold(lease.acquire("node-a", LONG).orElseThrow());
            routingA.offered(call, t0.plusSeconds(1));
            // Node A pauses (a split, a stall); its lease is handed over and node B owns routing.
            lease.release(fenceA.token());
            fenceB.hold(lease.acquire("node-b", LONG).orElseThrow());

            assertThatThrownBy(() -> routingA.assigned(call, "operator-a")).isInstanceOf(FencedOff.class);
            assertThatThrownBy(() -> routingA.offered(call, t0.plusSeconds(2))).isInstanceOf(FencedOff.class);
            assertThat(refusalsSeenByA).hasValue(2);
            assertThat(database.dsl().fetchValue(CALLS.OPERATOR_ID, CALLS.ID.eq(call))).isNull();
            assertThat(ivr.steps(call)).containsExactly(CallStep.ENTERED, CallStep.QUEUED, CallStep.OFFERED);

            routingB.assigned(call, "operator-b");
            assertThat(database.dsl().select(CALLS.OPERATOR_ID).from(CALLS).where(CALLS.ID.eq(call))
                    .fetchSingle(CALLS.OPERATOR_ID)).isEqualTo("operator-b");
            // A node that stood down holds no token at all: refused before it even asks.
            fenceB.drop();
            assertThatThrownBy(() -> routingB.offered(call, t0.plusSeconds(3))).isInstanceOf(FencedOff.class);
        }
    }
}
