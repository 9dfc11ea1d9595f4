package org.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallEnded;
import org.hotline.core.bus.OperatorAction;
import org.hotline.core.bus.Presence;
import org.hotline.core.call.CallEnd;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.call.Language;
import org.hotline.core.call.NewCall;
import org.hotline.core.storage.Database;
import org.hotline.core.testing.TestDatabases;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.NewOperator;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorState;
import org.hotline.dispatch.operators.RecordedState;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing owner on a real event bus and H2, across a change of owner (the verticle undeployed and a new one
 * deployed, as a takeover does): what was said while no owner listened, and presence retries that arrive late.
 */
class RoutingTakeoverTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    Database database;
    Vertx vertx;
    ExecutorService blocking;
    JooqOperatorDirectory directory;
    JooqCallJournal journal;

    @BeforeEach
    void start() {
        database = TestDatabases.open(TestDatabases.Engine.H2, dataDir);
        vertx = Vertx.vertx();
        blocking = Executors.newVirtualThreadPerTaskExecutor();
        directory = new JooqOperatorDirectory(database.dsl());
        journal = new JooqCallJournal(database.dsl());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        blocking.shutdownNow();
        database.close();
    }

    private String deployRouting() throws Exception {
        var config = RoutingConfig.from(TestDatabases.settings(TestDatabases.Engine.H2, dataDir));
        RoutingVerticle routing = new RoutingVerticle(config, directory, journal, blocking, new SimpleMeterRegistry(),
                Clock.systemUTC());
        return vertx.deployVerticle(routing).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private Operator operator(String name) {
        return directory.add(new NewOperator(name + "-" + UUID.randomUUID().toString().substring(0, 8), name,
                Role.OPERATOR, Set.of(Language.DARI), false, "PJSIP/" + name), "not-a-real-hash");
    }

    /** Sends a presence as a screen server does, and waits for routing's acknowledgement. */
    private void presence(Operator operator, Presence.Kind kind, long at) throws Exception {
        vertx.eventBus().request(BusAddresses.PRESENCE, new Presence(operator.id(), kind, at).toJson())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private OperatorState recorded(Operator operator) {
        return directory.lastState(operator.id()).map(RecordedState::state).orElse(null);
    }

    @Test
    void anOperatorRestoredOnACallThatEndedWhileNoNodeOwnedRoutingGoesToWrapUp() throws Exception {
        Operator operator = operator("nadia");
        String callId = UUID.randomUUID().toString();
        String channel = "1700000000." + UUID.randomUUID().toString().substring(0, 6);
        Instant entered = Instant.now().minusSeconds(120);
        journal.enter(new NewCall(callId, channel, "100", "p", "AF", entered, List.of()));
        journal.handedOff(callId, "PJSIP/nadia", entered.plusSeconds(60));
        journal.assigned(callId, operator.id());
        directory.recordState(operator.id(), OperatorState.ON_CALL, entered.plusSeconds(61), callId, "connected");

        List<JsonObject> screen = new CopyOnWriteArrayList<>();
        vertx.eventBus().<JsonObject>consumer(BusAddresses.operatorScreen(operator.id()), m -> screen.add(m.body()))
                .completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        // The first owner: the operator's screen stays connected through it, on the call.
        String first = deployRouting();
        presence(operator, Presence.Kind.RESUMED, System.currentTimeMillis());
        await().atMost(WAIT).until(() -> hasStatus(screen, "on-call", "resumed"));
        assertThat(recorded(operator)).isEqualTo(OperatorState.ON_CALL);

        // The owner dies; the caller hangs up while no node owns routing: the end is stored, its message heard by none.
        vertx.undeploy(first).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Instant ended = Instant.now();
        journal.ended(new CallEnd(channel, callId, "ANSWER", 55, ended));
        vertx.eventBus().publish(BusAddresses.CALL_ENDED,
                new CallEnded(callId, "ANSWER", 55, ended).toJson());

        // A new owner takes over; the screen server re-announces the operator.
        deployRouting();
        presence(operator, Presence.Kind.RESUMED, System.currentTimeMillis());

        await().atMost(WAIT).untilAsserted(() -> assertThat(recorded(operator))
                .as("the end lost with no owner is found in the database: wrap-up, as the normal end")
                .isEqualTo(OperatorState.WRAP_UP));
        assertThat(directory.lastState(operator.id()).orElseThrow().callId()).isEqualTo(callId);
    }

    @Test
    void aRetriedDisconnectedOlderThanTheReconnectIsIgnored() throws Exception {
        deployRouting();
        Operator operator = operator("farid");
        List<JsonObject> screen = new CopyOnWriteArrayList<>();
        vertx.eventBus().<JsonObject>consumer(BusAddresses.operatorScreen(operator.id()), m -> screen.add(m.body()))
                .completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        long t0 = System.currentTimeMillis();
        // The screen drops (that "disconnected" is sent at t0 + 1 and, unacknowledged, retried), then reloads.
        presence(operator, Presence.Kind.CONNECTED, t0);
        await().atMost(WAIT).until(() -> hasStatus(screen, "away", "signed-in"));
        vertx.eventBus().send(BusAddresses.OPERATOR_ACTIONS,
                new OperatorAction(operator.id(), OperatorAction.Action.AVAILABLE, null).toJson());
        await().atMost(WAIT).until(() -> hasStatus(screen, "available", null));
        presence(operator, Presence.Kind.CONNECTED, t0 + 2);

        // The retry of the older "disconnected" arrives after the newer "connected".
        presence(operator, Presence.Kind.DISCONNECTED, t0 + 1);
        // A later change is applied as usual: a reconnect from a second tab tells the screen its state.
        presence(operator, Presence.Kind.CONNECTED, t0 + 3);
        await().atMost(WAIT).until(() -> screen.stream().filter(m -> "reconnected".equals(m.getString("reason"))
                || "restored".equals(m.getString("reason"))).count() >= 2);

        assertThat(screen).as("the stale retry never set the operator away")
                .noneMatch(m -> "disconnected".equals(m.getString("reason")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(recorded(operator)).isEqualTo(OperatorState.AVAILABLE));
    }

    private static boolean hasStatus(List<JsonObject> screen, String state, String reason) {
        return screen.stream().anyMatch(m -> state.equals(m.getString("state"))
                && (reason == null || reason.equals(m.getString("reason"))));
    }
}
