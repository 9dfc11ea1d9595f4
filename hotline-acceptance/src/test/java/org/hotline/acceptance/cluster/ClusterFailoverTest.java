package org.hotline.acceptance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.ROUTING_LEASE;
import static org.hotline.core.db.Tables.TIPS;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.SimulatedOperator;
import org.hotline.acceptance.Staff;
import org.hotline.core.call.CallOutcome;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two FastAGI nodes and two dispatch nodes, each a separate JVM of the packaged jar, in one Hazelcast cluster on
 * loopback, sharing an embedded PostgreSQL. Calls arrive on both FastAGI nodes, operators sit on both dispatch
 * nodes, and the routing owner and a FastAGI node are killed with {@code kill -9} mid-call.
 */
class ClusterFailoverTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private EmbeddedPostgres postgres;
    private DSLContext db;
    private final List<HotlineProcess> nodes = new ArrayList<>();
    private final java.util.concurrent.ExecutorService callers =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    private Vertx vertx;
    private Map<String, String> common;
    private final Map<String, Integer> clusterPorts = new HashMap<>();

    @BeforeEach
    void cluster() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE hotline");
        }
        db = DSL.using(postgres.getDatabase("postgres", "hotline"), SQLDialect.POSTGRES);
        for (String node : List.of("dispatch-a", "dispatch-b", "agi-x", "agi-y")) {
            clusterPorts.put(node, freePort());
        }
        common = new HashMap<>(Map.of("cluster", "hazelcast",
                "cluster.members", String.join(",", clusterPorts.values().stream().map(p -> "127.0.0.1:" + p).toList()),
                "cluster.failure-detection", "3s",
                "db.url", postgres.getJdbcUrl("postgres", "hotline"), "db.user", "postgres",
                "screen.secret-file", dir.resolve("screen.secret").toString(),
                "pseudonym.key-file", dir.resolve("pseudonym.key").toString(),
                "cluster.secret-file", ClusterSecrets.in(dir).toString(),
                "ivr.menu.timeout", "300ms", "ivr.hold.reaffirm", "1s"));
        common.putAll(Map.of("dispatch.offer-timeout", "30s"));
        Staff.operator(dir.resolve("admin"), common, "ana", "prs", "PJSIP/1001");
        Staff.operator(dir.resolve("admin"), common, "bob", "prs", "PJSIP/1002");
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws IOException {
        nodes.forEach(HotlineProcess::kill9);
        callers.shutdownNow();
        // Kept for reading after a failure: the temporary directory goes with the test.
        Path logs = Path.of("target", "cluster-logs");
        java.nio.file.Files.createDirectories(logs);
        for (String node : clusterPorts.keySet()) {
            Path log = dir.resolve(node + ".log");
            if (java.nio.file.Files.exists(log)) {
                java.nio.file.Files.copy(log, logs.resolve(node + ".log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        vertx.close();
        postgres.close();
    }

    @Test
    void callsCrossNodesAndSurviveTheDeathOfTheRoutingOwnerAndOfAFastAgiNode() throws Exception {
        // The first dispatch node up takes the free routing lease; the second finds it held and stands by.
        HotlineProcess dispatchA = node("dispatch-a", "dispatch,reports");
        await().atMost(LIMIT).until(() -> dispatchA.output().contains("This node now owns routing"));
        HotlineProcess dispatchB = node("dispatch-b", "dispatch");
        HotlineProcess agiX = node("agi-x", "agi");
        HotlineProcess agiY = node("agi-y", "agi");
        assertThat(db.fetchValue(ROUTING_LEASE.HOLDER)).isEqualTo("127.0.0.1:" + clusterPorts.get("dispatch-a"));

        SimulatedOperator ana = SimulatedOperator.signIn(vertx, dispatchA, "ana");
        SimulatedOperator bob = SimulatedOperator.signIn(vertx, dispatchB, "bob");
        await().atMost(LIMIT).until(() -> "away".equals(bob.state()) && "away".equals(ana.state()));

        // A call on FastAGI node X is offered to bob, whose screen is on dispatch node B; the owner is node A.
        bob.goAvailable();
        CompletableFuture<CallRecord> first = place(agiX, "+93700000101");
        await().atMost(LIMIT).until(() -> !bob.messages("offer").isEmpty());
        bob.accept(bob.messages("offer").getLast().getString("callId"));
        assertThat(first.get().variable("HOTLINE_TARGET")).contains("PJSIP/1002");
        String firstId = bob.messages("offer").getLast().getString("callId");
        hangUp(agiX, first.get(), firstId);
        await().atMost(LIMIT).until(() -> "wrap-up".equals(bob.state()));
        // His tip is saved by node B straight into the shared database; sent twice (no answer seen), it is one tip.
        // The tip of that call ends his wrap-up (nothing else but his own Ready would).
        JsonObject bobsTip = TipForms.withTwoReferrals(TipForms.newId()).put("callId", firstId);
        assertThat(bob.submitTip(bobsTip)).contains(201);
        await().atMost(LIMIT).until(() -> "available".equals(bob.state()));
        bob.submitTip(bobsTip);
        assertThat(db.fetchCount(TIPS, TIPS.ID.eq(bobsTip.getString("id")))).isOne();

        // A call on node Y is offered to bob; before he answers, the routing owner dies.
        CompletableFuture<CallRecord> second = place(agiY, "+93700000102");
        await().atMost(LIMIT).until(() -> bob.messages("offer").size() == 2);
        String secondId = bob.messages("offer").getLast().getString("callId");
        // The IVR writes the queued step asynchronously (its step log holds it first), so under load the row may
        // land a moment after the offer; the takeover below rebuilds from what the database holds.
        await().atMost(LIMIT).until(() -> queued(1));
        dispatchA.kill9();
        nodes.remove(dispatchA);

        // Node B takes over, rebuilds the floor (bob from his recorded state, the held call from its IVR), and
        // offers the call again; bob takes it.
        await().atMost(LIMIT).until(() -> dispatchB.output().contains("This node now owns routing"));
        assertThat(db.fetchValue(ROUTING_LEASE.HOLDER)).isEqualTo("127.0.0.1:" + clusterPorts.get("dispatch-b"));
        assertThat(db.fetchValue(ROUTING_LEASE.TOKEN)).isEqualTo(2L);
        // The call in the dead owner's offer is in the database, waiting on a live FastAGI node.
        assertThat(dispatchB.output()).contains("rebuilt 1 waiting call(s) from the database");
        await().atMost(LIMIT).until(() -> bob.messages("offer").stream()
                .filter(o -> secondId.equals(o.getString("callId"))).count() == 2);
        bob.accept(secondId);
        assertThat(second.get().variable("HOTLINE_TARGET")).contains("PJSIP/1002");
        assertThat(second.get().variable("HOTLINE_IVR_DONE")).contains("1");
        hangUp(agiY, second.get(), secondId);
        await().atMost(LIMIT).until(() -> "wrap-up".equals(bob.state()));
        bob.goAvailable();
        await().atMost(LIMIT).until(() -> "available".equals(bob.state()));

        // Ana's browser lost node A; it reconnects to node B with the same cookie and is still signed in.
        await().atMost(LIMIT).until(ana::disconnected);
        ana.openScreen(dispatchB.httpPort());
        await().atMost(LIMIT).until(() -> ana.state() != null);
        // Her form posts go to node B too, with the CSRF token node A gave her page.
        JsonObject anasTip = TipForms.withTwoReferrals(TipForms.newId());
        assertThat(ana.submitTip(anasTip)).contains(201);
        assertThat(db.fetchCount(TIPS, TIPS.ID.eq(anasTip.getString("id")))).isOne();

        // A call waits in hold on node Y when Y dies: its dialplan falls back, and the owner closes it as failed.
        // A call waiting on node X at the same time is unaffected and reaches an operator.
        bob.goAway();
        await().atMost(LIMIT).until(() -> "away".equals(bob.state()));
        CompletableFuture<CallRecord> orphaned = place(agiY, "+93700000103");
        String survivorChannel = "1795000000.104";
        CompletableFuture<CallRecord> survivor = CompletableFuture.supplyAsync(() -> FakeCall.builder("127.0.0.1",
                agiX.agiPort()).uniqueId(survivorChannel).callerId("+93700000104").pressDuringMenus('1', '2').build()
                .run(LIMIT.multipliedBy(2)), callers);
        try {
            await().atMost(LIMIT).until(() -> queued(2));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(db.select(CALLS.ASTERISK_UNIQUE_ID, CALLS.STEP, CALLS.OUTCOME, CALLS.IVR_NODE)
                    .from(CALLS).fetch().format(), e);
        }
        agiY.kill9();
        nodes.remove(agiY);
        assertThat(orphaned.get().variable("HOTLINE_IVR_DONE")).isEmpty();
        await().atMost(LIMIT).until(() -> outcome(orphaned.get().uniqueId()) == CallOutcome.FAILED);
        // The dead node's call may still be offered for a moment (until its silence shows): ana accepts it, the
        // hand-off finds nobody holding it, the offer is withdrawn, and she gets the call still waiting on node X.
        String survivorId = db.select(CALLS.ID).from(CALLS).where(CALLS.ASTERISK_UNIQUE_ID.eq(survivorChannel))
                .fetchSingle(CALLS.ID);
        ana.goAvailable();
        java.util.Set<String> tried = new java.util.HashSet<>();
        await().atMost(LIMIT).until(() -> {
            ana.messages("offer").stream().map(o -> o.getString("callId"))
                    .filter(id -> !id.equals(survivorId) && tried.add(id))
                    .forEach(id -> ana.accept(id));
            return ana.messages("offer").stream().anyMatch(o -> survivorId.equals(o.getString("callId")));
        });
        ana.accept(survivorId);
        assertThat(survivor.get().variable("HOTLINE_TARGET")).contains("PJSIP/1001");

        // No node logged a caller number, the killed ones included (their logs outlive them).
        for (HotlineProcess node : List.of(dispatchA, dispatchB, agiX, agiY)) {
            assertThat(node.output()).doesNotContain("70000010");
        }
    }

    private HotlineProcess node(String name, String roles) {
        Map<String, String> settings = new HashMap<>(common);
        settings.put("roles", roles);
        settings.put("cluster.port", String.valueOf(clusterPorts.get(name)));
        HotlineProcess node = HotlineProcess.start(dir.resolve(name), name, settings);
        nodes.add(node);
        return node;
    }

    private CompletableFuture<CallRecord> place(HotlineProcess agi, String caller) {
        FakeCall call = FakeCall.builder("127.0.0.1", agi.agiPort()).callerId(caller).pressDuringMenus('1', '2')
                .build();
        // Not the common pool: on two cores it has one thread, and a held call would keep the next from dialling.
        return CompletableFuture.supplyAsync(() -> call.run(LIMIT.multipliedBy(2)), callers);
    }

    private static void hangUp(HotlineProcess agi, CallRecord call, String callId) {
        FakeCall.builder("127.0.0.1", agi.agiPort()).script("hotline-end").uniqueId(call.uniqueId())
                .variable("HOTLINE_CALL_ID", callId).variable("DIALSTATUS", "ANSWER")
                .variable("HOTLINE_END_ANSWERED_MS", "1760000000000")
                .variable("HOTLINE_END_ENDED_MS", "1760000030000").build().run(LIMIT);
    }

    private boolean queued(int calls) {
        return db.fetchCount(CALLS, CALLS.STEP.eq(org.hotline.core.call.CallStep.QUEUED.code()).and(CALLS.OUTCOME.isNull())) >= calls;
    }

    private CallOutcome outcome(String uniqueId) {
        String code = db.select(CALLS.OUTCOME).from(CALLS).where(CALLS.ASTERISK_UNIQUE_ID.eq(uniqueId))
                .fetchOne(CALLS.OUTCOME);
        return code == null ? null : CallOutcome.fromCode(code);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
