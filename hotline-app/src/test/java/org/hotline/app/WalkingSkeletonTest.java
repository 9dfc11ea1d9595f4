package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.CALLS;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.app.run.Hotline;
import org.hotline.core.config.Settings;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton: the real application on free ports with a fresh data directory; a fake Asterisk
 * places a call over TCP, picks Tajik by DTMF, and the call lands in the database, pseudonymised, and on
 * {@code /metrics} (on the management port).
 */
class WalkingSkeletonTest {
    private static final String CALLER = "+93701234567";

    @TempDir
    Path dataDir;

    @Test
    void aCallFromTcpConnectToDatabaseRow() throws Exception {
        Settings settings = Settings.defaultSettings().with(Map.of(
                "data.dir", dataDir.toString(), "agi.port", "0", "http.port", "0", "management.port", "0",
                "ivr.menu.timeout", "200ms", "ivr.intake.timeout", "500ms"));
        try (Hotline hotline = Hotline.start(settings)) {
            assertThat(get(hotline, "/health").statusCode()).isEqualTo(200);

            CallRecord call = FakeCall.builder("127.0.0.1", hotline.agiPort())
                    .callerId(CALLER).callerIdName("Walking Skeleton")
                    // Real prompt lengths: the caller waits for the Tajik option (the third), picks Tajik there,
                    // and the purpose early in its prompt; with nobody on duty the call takes about 25 s.
                    .pressDuring("tg/hotline/lang-option", '3', Duration.ofMillis(300))
                    .pressDuring("hotline/purpose", '2', Duration.ofMillis(300))
                    .build().run(Duration.ofSeconds(90));

            assertThat(call.closedByServer()).isTrue();
            assertThat(call.prompts()).contains("tg/hotline/lang-option");
            assertThat(call.variable("CHANNEL(language)")).contains("tg");

            var dsl = hotline.database().dsl();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(dsl.fetchCount(CALLS, CALLS.ASTERISK_UNIQUE_ID.eq(call.uniqueId()))).isOne());
            var row = dsl.selectFrom(CALLS).where(CALLS.ASTERISK_UNIQUE_ID.eq(call.uniqueId())).fetchSingle();
            assertThat(row.getLanguageCode()).isEqualTo("tg");
            assertThat(row.getCallerPseudonym()).isEqualTo(expectedPseudonym(CALLER));
            assertThat(row.getCallerCountry()).isEqualTo("AF");
            assertThat(row.intoMap().values()).noneMatch(v -> String.valueOf(v).contains("701234567"));

            String metrics = get(hotline.managementPort(), "/metrics").body();
            assertThat(metrics).contains("hotline_calls_entered_total 1.0")
                    .contains("jvm_memory_used_bytes")
                    .contains("vertx_");
        }
    }

    private String expectedPseudonym(String e164) throws Exception {
        byte[] key = HexFormat.of().parseHex(Files.readString(dataDir.resolve("pseudonym.key")).trim());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.US_ASCII)));
    }

    private static HttpResponse<String> get(Hotline hotline, String path) throws Exception {
        return get(hotline.httpPort(), path);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
