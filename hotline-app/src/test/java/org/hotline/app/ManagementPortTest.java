package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hotline.app.run.Hotline;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} and the detailed health are off the screen's port: the screen port answers only "up" on
 * {@code /health} and nothing on {@code /metrics}; the management port (loopback by default) serves both, the
 * metrics in the Prometheus text format. A management port in use stops the start with one sentence.
 */
class ManagementPortTest {
    /** A sample line of the Prometheus text format: a name, optional labels, a number. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*})? "
                    + "(-?[0-9.]+(E[-+]?[0-9]+)?|NaN|[+-]Inf)( [0-9]+)?");

    @TempDir
    Path dataDir;

    @Test
    void theScreenPortServesNoMetricsAndTheManagementPortServesPrometheusText() throws Exception {
        try (Hotline hotline = TestHotline.start(dataDir, Map.of());
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> screenMetrics = get(http, hotline.httpPort(), "/metrics");
            assertThat(screenMetrics.statusCode()).isNotEqualTo(200);
            assertThat(screenMetrics.body()).doesNotContain("hotline_");
            HttpResponse<String> screenHealth = get(http, hotline.httpPort(), "/health");
            assertThat(screenHealth.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(screenHealth.body()).fieldNames()).containsExactly("status");

            HttpResponse<String> metrics = get(http, hotline.managementPort(), "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/plain; version=0.0.4"));
            List<String> lines = metrics.body().lines().filter(line -> !line.isEmpty()).toList();
            assertThat(lines).filteredOn(line -> !line.startsWith("#")).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).matches(SAMPLE));
            assertThat(lines).filteredOn(line -> line.startsWith("#"))
                    .allSatisfy(line -> assertThat(line).matches("# (HELP|TYPE) .*"));
            assertThat(metrics.body()).contains("# TYPE hotline_agi_connections_refused_total counter");
            JsonObject health = new JsonObject(get(http, hotline.managementPort(), "/health").body());
            assertThat(health.getString("database")).isEqualTo("up");
            assertThat(health.getString("fastagi")).isEqualTo("up");
        }
    }

    @Test
    void theManagementServerListensOnLoopbackByDefault() {
        assertThat(Settings.defaultSettings().string("management.host")).isEqualTo("127.0.0.1");
    }

    @Test
    void aManagementPortInUseIsOneClearSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> TestHotline.start(dataDir, Map.of("management.port",
                    String.valueOf(taken.getLocalPort())))).isInstanceOf(StartupException.class)
                    .hasMessageContaining("HOTLINE_MANAGEMENT_PORT");
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
