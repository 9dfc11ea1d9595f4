package org.hotline.app.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.hotline.app.run.Hotline;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.call.Language;
import org.hotline.core.config.Settings;
import org.hotline.dispatch.operators.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions end when they should (idle, absolute), and guessing passwords is slowed without locking anyone out. */
class ScreenSessionLimitsTest {
    @TempDir
    Path dataDir;

    @Test
    void anIdleSessionExpiresButAnOpenScreenKeepsItsSessionAlive() throws Exception {
        try (Hotline hotline = start(Map.of("screen.session.idle-timeout", "2s"))) {
            Operator operator = People.operator(hotline, "ida", "Ida", Language.UZBEK, "PJSIP/1005");
            ScreenClient idle = new ScreenClient(hotline.httpPort());
            assertThat(idle.signIn("ida", People.PASSWORD).statusCode()).isEqualTo(303);
            ScreenClient working = new ScreenClient(hotline.httpPort());
            assertThat(working.signIn("ida", People.PASSWORD).statusCode()).isEqualTo(303);
            Vertx vertx = Vertx.vertx();
            try (BridgeSocket screen = BridgeSocket.open(vertx, hotline.httpPort(),
                    "http://127.0.0.1:" + hotline.httpPort(), working.cookieHeader())) {
                screen.register(BusAddresses.operatorScreen(operator.id()));
                for (int i = 0; i < 8; i++) {
                    Thread.sleep(500);
                    screen.ping();
                }
                assertThat(idle.get("/api/session").statusCode()).as("idle for 4 s").isEqualTo(401);
                assertThat(working.get("/api/session").statusCode()).as("screen open and pinging").isEqualTo(200);
            } finally {
                vertx.close();
            }
        }
    }

    @Test
    void everySessionEndsAtItsAbsoluteTimeoutAndItsScreenCloses() throws Exception {
        try (Hotline hotline = start(Map.of("screen.session.absolute-timeout", "3s"))) {
            Operator operator = People.operator(hotline, "abe", "Abe", Language.UZBEK, "PJSIP/1005");
            ScreenClient client = new ScreenClient(hotline.httpPort());
            assertThat(client.signIn("abe", People.PASSWORD).statusCode()).isEqualTo(303);
            Vertx vertx = Vertx.vertx();
            try (BridgeSocket screen = BridgeSocket.open(vertx, hotline.httpPort(),
                    "http://127.0.0.1:" + hotline.httpPort(), client.cookieHeader())) {
                screen.register(BusAddresses.operatorScreen(operator.id()));
                await().atMost(Duration.ofSeconds(8)).until(() -> {
                    screen.ping();
                    return screen.closed();
                });
                assertThat(client.get("/api/session").statusCode()).isEqualTo(401);
            } finally {
                vertx.close();
            }
        }
    }

    @Test
    void guessingIsThrottledWithGrowingWaitsAndTheRealUserStillGetsIn() throws Exception {
        try (Hotline hotline = start(Map.of("screen.signin.first-delay", "1s", "screen.signin.max-delay", "2s"))) {
            People.operator(hotline, "gul", "Gul", Language.PASHTO, "PJSIP/1002");
            ScreenClient attacker = new ScreenClient(hotline.httpPort());
            for (int i = 0; i < 3; i++) {
                assertThat(attacker.signIn("gul", "wrong guess " + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> throttled = attacker.signIn("gul", People.PASSWORD);
            assertThat(throttled.statusCode()).as("even the right password waits its turn").isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
            assertThat(throttled.body()).contains("Too many failed sign-ins");
            assertThat(new ScreenClient(hotline.httpPort()).signIn("nobody", "x").statusCode())
                    .as("an unknown name answers like a wrong password").isEqualTo(401);

            Thread.sleep(1100);
            assertThat(attacker.signIn("gul", "wrong again").statusCode()).isEqualTo(401);
            assertThat(attacker.signIn("gul", People.PASSWORD).statusCode()).as("the wait has grown").isEqualTo(429);

            Thread.sleep(2100);
            ScreenClient user = new ScreenClient(hotline.httpPort());
            assertThat(user.signIn("gul", People.PASSWORD).statusCode()).isEqualTo(303);
            assertThat(user.get("/api/session").statusCode()).isEqualTo(200);
            assertThat(hotline.registry().get("hotline.screen.signin.failures").counter().count()).isEqualTo(5.0);
        }
    }

    private Hotline start(Map<String, String> screen) {
        Map<String, String> settings = new HashMap<>(Map.of("data.dir", dataDir.toString(), "agi.port", "0",
                "http.port", "0", "management.port", "0", "ivr.voicemail.dir", dataDir.resolve("voicemail").toString()));
        settings.putAll(screen);
        return Hotline.start(Settings.defaultSettings().with(settings));
    }
}
