package org.hotline.acceptance.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.Staff;
import org.hotline.app.screen.BridgeSocket;
import org.hotline.app.screen.ScreenClient;
import org.hotline.core.bus.BusAddresses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows 11, 12 and 14 against the packaged process, with the point the in-process tests leave out: every refusal
 * is logged by the process (one warning line, no personal data) as well as refused, and nothing is delivered or
 * changed. On the bridge: an unauthenticated socket, another operator's address, a 201-character address, ten
 * registrations of one address (one handler results), sends to addresses that are not permitted (the socket is
 * closed after repeated refusals), another site's WebSocket. Over HTTP: a form post without its token, guessed
 * passwords (throttled) and a session cookie used after sign-out. The in-process
 * versions, with the wallboard, forged operator ids, growing waits and idle and absolute timeouts, are
 * hotline-app's {@code ScreenSecurityTest} and {@code ScreenSessionLimitsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenAbuseTest {
    @TempDir
    static Path dir;
    private final Vertx clients = Vertx.vertx();
    private HotlineProcess hotline;

    @BeforeAll
    void start() {
        Path data = dir.resolve("data");
        Staff.operator(data, "ana", "prs", "PJSIP/1001");
        Staff.operator(data, "bob", "prs", "PJSIP/1002");
        hotline = HotlineProcess.start(data, "hotline", Map.of("screen.signin.first-delay", "30s"));
    }

    @AfterAll
    void stop() {
        clients.close();
        hotline.close();
    }

    @Test
    void everyBridgeRefusalIsLoggedAndDeliversNothing() throws Exception {
        String origin = hotline.baseUrl();
        ScreenClient ana = Staff.signedIn(hotline, "ana");
        ScreenClient bob = Staff.signedIn(hotline, "bob");
        String anaScreen = addresses(ana).getString("screen");
        String bobScreen = addresses(bob).getString("screen");
        String actions = addresses(bob).getString("actions");

        int refusals = count(hotline, "Bridge refused");
        try (BridgeSocket stranger = BridgeSocket.open(clients, hotline.httpPort(), origin, null)) {
            stranger.register(anaScreen);
            await().atMost(Duration.ofSeconds(5)).until(stranger::closed);
            assertThat(stranger.received(anaScreen)).isEmpty();
        }
        await().until(() -> count(hotline, "Bridge refused") > refusals);
        assertThat(lastLine(hotline, "Bridge refused")).contains("no signed-in session");

        try (BridgeSocket bobs = BridgeSocket.open(clients, hotline.httpPort(), origin, bob.cookieHeader());
             BridgeSocket anas = BridgeSocket.open(clients, hotline.httpPort(), origin, ana.cookieHeader())) {
            bobs.register(bobScreen);
            await().until(() -> !bobs.states(bobScreen).isEmpty());
            int before = count(hotline, "Bridge refused");
            anas.register(bobScreen);
            anas.register("a".repeat(201));
            for (int i = 0; i < 10; i++) {
                anas.register(anaScreen);
            }
            await().until(() -> anas.errors().size() >= 2 + 9);
            assertThat(count(hotline, "Bridge refused")).as("another's address and an oversized one, logged")
                    .isGreaterThanOrEqualTo(before + 2);

            // Bob's screen changes; Ana's socket, registered on it by force, hears none of it.
            bobs.send(actions, new JsonObject().put("action", "available"));
            await().until(() -> bobs.states(bobScreen).contains("available"));
            bobs.send(actions, new JsonObject().put("action", "away"));
            await().until(() -> bobs.states(bobScreen).getLast().equals("away"));
            assertThat(anas.received(bobScreen)).isEmpty();
            // Ten registrations of her own address made one handler: each message arrives once.
            anas.send(actions, new JsonObject().put("action", "available"));
            await().until(() -> anas.states(anaScreen).contains("available"));
            assertThat(anas.states(anaScreen).stream().filter("available"::equals)).hasSize(1);

            for (int i = 0; i < 10 && !anas.closed(); i++) {
                anas.send(BusAddresses.INTAKE, new JsonObject().put("callId", "forged"));
            }
            await().atMost(Duration.ofSeconds(5)).until(anas::closed);
            await().until(() -> count(hotline, "Closed a screen socket after") == 1);
        }

        assertThatThrownBy(() -> BridgeSocket.open(clients, hotline.httpPort(), "http://evil.example",
                bob.cookieHeader())).isInstanceOfSatisfying(UpgradeRejectedException.class,
                e -> assertThat(e.getStatus()).isEqualTo(403));
        await().until(() -> count(hotline, "Refused a bridge WebSocket upgrade from another origin") == 1);

        assertThat(bob.postForm("/signout", Map.of(), false).statusCode()).isEqualTo(403);
        assertThat(bob.get("/api/session").statusCode()).as("still signed in").isEqualTo(200);
        await().until(() -> count(hotline, "without a valid form token") == 1);

        assertThat(hotline.output()).as("no request data in the log").doesNotContain("evil.example")
                .doesNotContain("forged");
    }

    @Test
    void guessedPasswordsAreThrottledAndLoggedWithoutTheGuesses() {
        ScreenClient attacker = new ScreenClient(hotline.httpPort());
        int failures = count(hotline, "Sign-in failed");
        // A name nobody has: it is throttled like a real one, so the answers never tell which names exist (that
        // the right password waits too is ScreenSessionLimitsTest's).
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.signIn("gul", "guess number " + i).statusCode()).isEqualTo(401);
        }
        assertThat(attacker.signIn("gul", "guess number 3").statusCode()).isEqualTo(429);
        assertThat(attacker.get("/api/session").statusCode()).isEqualTo(401);
        await().until(() -> count(hotline, "Sign-in failed") == failures + 3);
        await().until(() -> count(hotline, "Sign-in refused unchecked: too many failures") == 1);
        assertThat(hotline.output()).doesNotContain("guess number").doesNotContain(Staff.PASSWORD);
    }

    @Test
    void aCookieUsedAfterSignOutOpensNothing() throws Exception {
        ScreenClient ana = Staff.signedIn(hotline, "ana");
        String cookie = ana.cookie(ScreenClient.SESSION);
        assertThat(ana.postForm("/signout", Map.of(), true).statusCode()).isEqualTo(303);

        ScreenClient reuse = new ScreenClient(hotline.httpPort());
        reuse.setCookie(ScreenClient.SESSION, cookie);
        assertThat(reuse.get("/api/session").statusCode()).isEqualTo(401);
        assertThat(reuse.get("/api/tips").statusCode()).isEqualTo(401);
        try (BridgeSocket socket = BridgeSocket.open(clients, hotline.httpPort(), hotline.baseUrl(),
                ScreenClient.SESSION + "=" + cookie)) {
            socket.register(addresses(Staff.signedIn(hotline, "bob")).getString("screen"));
            await().atMost(Duration.ofSeconds(5)).until(socket::closed);
            assertThat(socket.frames).noneMatch(frame -> "rec".equals(frame.getString("type")));
        }
    }

    private static JsonObject addresses(ScreenClient client) {
        return new JsonObject(client.get("/api/session").body()).getJsonObject("addresses");
    }

    private static int count(HotlineProcess hotline, String text) {
        return (int) hotline.output().lines().filter(line -> line.contains(text)).count();
    }

    private static String lastLine(HotlineProcess hotline, String text) {
        return hotline.output().lines().filter(line -> line.contains(text)).reduce((a, b) -> b).orElse("");
    }
}
