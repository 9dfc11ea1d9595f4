package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.TIPS;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.hotline.app.run.Hotline;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.call.Language;
import org.hotline.core.config.Settings;
import org.hotline.dispatch.operators.Operator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screen's defences, tried the way an attacker would: no session, someone else's address, the wallboard, a
 * forged operator id, oversized addresses, another site's page opening the WebSocket, a form posted without its
 * token, and a cookie used after sign-out. Each is refused, logged, and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenSecurityTest {
    private static final Duration QUIET = Duration.ofMillis(1500);

    @TempDir
    static Path dataDir;
    Hotline hotline;
    Vertx clients;
    Operator alice;
    Operator bob;
    String origin;

    @BeforeAll
    void start() {
        hotline = Hotline.start(Settings.defaultSettings().with(Map.of("data.dir", dataDir.toString(),
                "agi.port", "0", "http.port", "0", "management.port", "0", "ivr.voicemail.dir", dataDir.resolve("voicemail").toString())));
        clients = Vertx.vertx();
        origin = "http://127.0.0.1:" + hotline.httpPort();
        alice = People.operator(hotline, "alice", "Alice", Language.TAJIK, "PJSIP/1003");
        bob = People.operator(hotline, "bob", "Bob", Language.TAJIK, "PJSIP/1013");
        People.manager(hotline, "meena");
    }

    @AfterAll
    void stop() {
        clients.close();
        hotline.close();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        ScreenClient client = new ScreenClient(hotline.httpPort());
        for (String path : new String[] {"/signin", "/health", "/api/session", "/static/bus.js", "/operator"}) {
            HttpResponse<String> response = client.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                            "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            // Static files are cached by content hash (README "Static files"); everything else is never stored.
            assertThat(response.headers().firstValue("Cache-Control")).as(path)
                    .contains(path.startsWith("/static/") ? "no-cache" : "no-store");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP")
                    .isEmpty();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrictAndItsIdChangesAtSignIn() {
        ScreenClient client = new ScreenClient(hotline.httpPort());
        HttpResponse<String> page = client.get("/signin");
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(ScreenClient.SESSION + "="))
                .singleElement().satisfies(c -> assertThat(c).contains("HTTPOnly", "SameSite=Strict")
                        .doesNotContain("Secure"));
        String before = client.cookie(ScreenClient.SESSION);

        assertThat(client.postForm("/signin", Map.of("username", "alice", "password", People.PASSWORD), true)
                .statusCode()).isEqualTo(303);

        assertThat(client.cookie(ScreenClient.SESSION)).isNotEqualTo(before);
        assertThat(client.get("/api/session").statusCode()).isEqualTo(200);
        ScreenClient planted = new ScreenClient(hotline.httpPort());
        planted.setCookie(ScreenClient.SESSION, before);
        assertThat(planted.get("/api/session").statusCode()).as("the id from before sign-in is worthless")
                .isEqualTo(401);
    }

    @Test
    void withoutASessionTheBridgeClosesTheSocket() throws Exception {
        try (BridgeSocket socket = BridgeSocket.open(clients, hotline.httpPort(), origin, null)) {
            socket.register(BusAddresses.WALLBOARD);
            await().atMost(Duration.ofSeconds(5)).until(socket::closed);
            assertThat(socket.received(BusAddresses.WALLBOARD)).isEmpty();
        }
    }

    @Test
    void anOperatorCannotListenOnAnotherOperatorsAddressOrTheWallboard() throws Exception {
        ScreenClient client = signedIn("alice");
        try (BridgeSocket socket = BridgeSocket.open(clients, hotline.httpPort(), origin, client.cookieHeader())) {
            String own = BusAddresses.operatorScreen(alice.id());
            String bobs = BusAddresses.operatorScreen(bob.id());
            socket.register(own);
            socket.register(bobs);
            socket.register(BusAddresses.WALLBOARD);
            await().until(() -> socket.errors().size() == 2);

            hotline.vertx().eventBus().publish(bobs, new JsonObject().put("type", "secret"));
            hotline.vertx().eventBus().publish(own, new JsonObject().put("type", "mine"));
            await().until(() -> socket.received(own).stream()
                    .anyMatch(f -> "mine".equals(f.getJsonObject("body").getString("type"))));
            Thread.sleep(QUIET.toMillis()); // the wallboard is published every second
            assertThat(socket.received(bobs)).isEmpty();
            assertThat(socket.received(BusAddresses.WALLBOARD)).isEmpty();
            assertThat(socket.errors()).containsOnly("rejected");
        }
    }

    @Test
    void aManagerReceivesTheWallboardButCannotSendActions() throws Exception {
        ScreenClient client = signedIn("meena");
        try (BridgeSocket socket = BridgeSocket.open(clients, hotline.httpPort(), origin, client.cookieHeader())) {
            socket.register(BusAddresses.WALLBOARD);
            await().until(() -> !socket.received(BusAddresses.WALLBOARD).isEmpty());
            socket.send(BusAddresses.OPERATOR_ACTIONS, new JsonObject().put("action", "available"));
            await().until(() -> socket.errors().contains("rejected"));
        }
    }

    @Test
    void anActionCarriesTheSessionsOperatorWhateverTheBrowserClaims() throws Exception {
        ScreenClient aliceClient = signedIn("alice");
        ScreenClient bobClient = signedIn("bob");
        String aliceScreen = BusAddresses.operatorScreen(alice.id());
        String bobScreen = BusAddresses.operatorScreen(bob.id());
        try (BridgeSocket aliceSocket = BridgeSocket.open(clients, hotline.httpPort(), origin,
                aliceClient.cookieHeader());
             BridgeSocket bobSocket = BridgeSocket.open(clients, hotline.httpPort(), origin, bobClient.cookieHeader())) {
            aliceSocket.register(aliceScreen);
            bobSocket.register(bobScreen);
            await().until(() -> bobSocket.states(bobScreen).contains("away"));

            aliceSocket.send(BusAddresses.OPERATOR_ACTIONS, new JsonObject().put("action", "available")
                    .put("operatorId", bob.id()));

            await().until(() -> aliceSocket.states(aliceScreen).contains("available"));
            Thread.sleep(QUIET.toMillis());
            assertThat(bobSocket.states(bobScreen)).doesNotContain("available");
            aliceSocket.send(BusAddresses.OPERATOR_ACTIONS, new JsonObject().put("action", "away"));
            await().until(() -> aliceSocket.states(aliceScreen).getLast().equals("away"));
        }
    }

    @Test
    void oversizedAddressesAndRepeatedRefusalsAreCutOff() throws Exception {
        ScreenClient client = signedIn("alice");
        try (BridgeSocket socket = BridgeSocket.open(clients, hotline.httpPort(), origin, client.cookieHeader())) {
            socket.register("a".repeat(201));
            socket.send("b".repeat(201), new JsonObject());
            await().until(() -> socket.errors().size() == 2);
            socket.register(BusAddresses.operatorScreen(alice.id()));
            socket.register(BusAddresses.operatorScreen(alice.id()));
            await().until(() -> socket.errors().contains("address_already_registered"));
            for (int i = 0; i < 10; i++) {
                socket.send(BusAddresses.INTAKE, new JsonObject());
            }
            await().atMost(Duration.ofSeconds(5)).until(socket::closed);
        }
    }

    @Test
    void aWebSocketFromAnotherSitesPageIsRefused() throws Exception {
        ScreenClient client = signedIn("alice");
        assertThatThrownBy(() -> BridgeSocket.open(clients, hotline.httpPort(), "http://evil.example",
                client.cookieHeader())).isInstanceOfSatisfying(UpgradeRejectedException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(403));
        assertThatThrownBy(() -> BridgeSocket.open(clients, hotline.httpPort(), null, client.cookieHeader()))
                .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
        try (BridgeSocket allowed = BridgeSocket.open(clients, hotline.httpPort(), origin, client.cookieHeader())) {
            assertThat(allowed.closed()).isFalse();
        }
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefusedAndChangesNothing() {
        ScreenClient stranger = new ScreenClient(hotline.httpPort());
        stranger.get("/signin");
        assertThat(stranger.postForm("/signin", Map.of("username", "alice", "password", People.PASSWORD), false)
                .statusCode()).isEqualTo(403);
        assertThat(stranger.get("/api/session").statusCode()).as("not signed in").isEqualTo(401);

        ScreenClient client = signedIn("alice");
        assertThat(client.postForm("/signout", Map.of(), false).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/session").statusCode()).as("still signed in").isEqualTo(200);

        String tipId = UUID.randomUUID().toString();
        HttpResponse<String> tip = client.postJson("/api/tips", new JsonObject().put("id", tipId)
                .put("contactType", "silent").encode(), false);
        assertThat(tip.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(tip.body()).getString("error")).isNotBlank();
        assertThat(hotline.database().dsl().fetchCount(TIPS, TIPS.ID.eq(tipId))).isZero();
        HttpResponse<String> wrongToken = client.postForm("/signout", Map.of("X-XSRF-TOKEN", "forged.1.x"), false);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(client.get("/api/session").statusCode()).isEqualTo(200);
    }

    @Test
    void afterSignOutTheCookieIsWorthlessAndTheScreenIsClosed() throws Exception {
        ScreenClient client = signedIn("bob");
        String cookie = client.cookie(ScreenClient.SESSION);
        try (BridgeSocket socket = BridgeSocket.open(clients, hotline.httpPort(), origin, client.cookieHeader())) {
            socket.register(BusAddresses.operatorScreen(bob.id()));
            await().until(() -> !socket.states(BusAddresses.operatorScreen(bob.id())).isEmpty());

            HttpResponse<String> out = client.postForm("/signout", Map.of(), true);
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(out.headers().firstValue("Location")).contains("/signin");

            await().atMost(Duration.ofSeconds(5)).until(socket::closed);
        }
        ScreenClient reuse = new ScreenClient(hotline.httpPort());
        reuse.setCookie(ScreenClient.SESSION, cookie);
        assertThat(reuse.get("/api/session").statusCode()).isEqualTo(401);
        assertThat(reuse.get("/operator").headers().firstValue("Location")).contains("/signin");
        try (BridgeSocket socket = BridgeSocket.open(clients, hotline.httpPort(), origin,
                ScreenClient.SESSION + "=" + cookie)) {
            await().atMost(Duration.ofSeconds(5)).until(socket::closed);
        }
    }

    @Test
    void eachRoleSeesOnlyItsOwnViewAndAddresses() {
        ScreenClient operator = signedIn("alice");
        var refused = operator.get("/manager");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("This page is not open to you", "the manager&#39;s screen");
        JsonObject session = new JsonObject(operator.get("/api/session").body());
        assertThat(session.getJsonObject("addresses").getMap()).containsOnlyKeys("screen", "actions", "callControl");
        assertThat(session.getJsonObject("addresses").getString("screen"))
                .isEqualTo(BusAddresses.operatorScreen(alice.id()));
        assertThat(session.getJsonObject("addresses").getString("callControl"))
                .isEqualTo(BusAddresses.callControlScreen(alice.id()));

        ScreenClient manager = signedIn("meena");
        assertThat(manager.get("/operator").headers().firstValue("Location")).contains("/");
        assertThat(new JsonObject(manager.get("/api/session").body()).getJsonObject("addresses").getMap())
                .containsOnlyKeys("wallboard", "liveCalls", "escalations", "callControl");
    }

    private ScreenClient signedIn(String username) {
        ScreenClient client = new ScreenClient(hotline.httpPort());
        assertThat(client.signIn(username, People.PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }
}
