package org.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.IntakeReply;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.call.Language;
import org.hotline.core.call.Purpose;
import org.hotline.core.storage.Database;
import org.hotline.core.testing.TestDatabases;
import org.hotline.dispatch.hours.OpeningHours;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing owner and the opening hours, on a real event bus and H2: the hours are read at start, a change is
 * taken at once without a restart, and a read that fails never closes the hotline (fail open, or the hours last read).
 */
class RoutingHoursTest {
    private static final ZoneId KABUL = ZoneId.of("Asia/Kabul");

    @TempDir
    Path dataDir;
    Database database;
    Vertx vertx;
    ExecutorService blocking;
    final AtomicReference<Callable<OpeningHours>> source = new AtomicReference<>();
    final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void start() {
        database = TestDatabases.open(TestDatabases.Engine.H2, dataDir);
        vertx = Vertx.vertx();
        blocking = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        blocking.shutdownNow();
        database.close();
    }

    private void deploy() throws Exception {
        var config = RoutingConfig.from(TestDatabases.settings(TestDatabases.Engine.H2, dataDir));
        RoutingVerticle routing = new RoutingVerticle(config, new JooqOperatorDirectory(database.dsl()),
                new JooqCallJournal(database.dsl()), blocking, new SimpleMeterRegistry(), Clock.systemUTC())
                .openingHours(() -> {
                    reads.incrementAndGet();
                    return source.get().call();
                });
        vertx.deployVerticle(routing).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private IntakeReply intake() throws Exception {
        CallIntake intake = new CallIntake(UUID.randomUUID().toString(), "u-" + UUID.randomUUID(), Language.DARI,
                Purpose.REPORT, Purpose.REPORT.priority(), "p", "AF", Map.of(CallStep.ENTERED, Instant.now()));
        JsonObject reply = vertx.eventBus().<JsonObject>request(BusAddresses.INTAKE, intake.toJson())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body();
        return IntakeReply.fromJson(reply);
    }

    /** Closed today (a holiday), open every other day around the clock: the next opening is tomorrow at 00:00. */
    private static OpeningHours closedToday() {
        return new OpeningHours(KABUL, null, Map.of(LocalDate.now(KABUL), List.of()));
    }

    private static Callable<OpeningHours> unreadable() {
        return () -> {
            throw new IllegalStateException("the database is unreachable");
        };
    }

    @Test
    void hoursReadAtStartRefuseANewCallerWithTheNextOpening() throws Exception {
        source.set(RoutingHoursTest::closedToday);
        deploy();

        IntakeReply reply = intake();

        assertThat(reply.reason()).isEqualTo(IntakeReply.CLOSED);
        assertThat(reply.opensAt()).isEqualTo(LocalDate.now(KABUL).plusDays(1).atStartOfDay(KABUL).toInstant());
    }

    @Test
    void aDatabaseThatCannotBeReadNeverClosesAndAChangeHoldsWithoutARestart() throws Exception {
        source.set(unreadable());
        deploy();
        assertThat(intake().reason()).as("never read: open (nobody is on duty here)")
                .isEqualTo(IntakeReply.NO_OPERATORS);

        // A manager's change: routing reads the hours again at once.
        source.set(RoutingHoursTest::closedToday);
        vertx.eventBus().publish(BusAddresses.OPENING_HOURS_CHANGED, new JsonObject());
        await().until(() -> IntakeReply.CLOSED.equals(intake().reason()));

        // The database goes away: the hours last read still hold; removing them (open) is read again once it is back.
        source.set(unreadable());
        int before = reads.get();
        vertx.eventBus().publish(BusAddresses.OPENING_HOURS_CHANGED, new JsonObject());
        await().until(() -> reads.get() > before);
        assertThat(intake().reason()).isEqualTo(IntakeReply.CLOSED);
        source.set(() -> OpeningHours.aroundTheClock(KABUL));
        vertx.eventBus().publish(BusAddresses.OPENING_HOURS_CHANGED, new JsonObject());
        await().until(() -> IntakeReply.NO_OPERATORS.equals(intake().reason()));
    }
}
