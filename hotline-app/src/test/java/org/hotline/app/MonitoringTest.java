package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.app.run.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README tells a server's operator to watch, on the management port: /health, and the data directory's
 * free space on /metrics.
 */
class MonitoringTest {
    @TempDir
    Path dataDir;

    @Test
    void metricsCarryTheFreeSpaceOfTheDataDirectoryAndHealthSaysUp() throws Exception {
        try (Hotline hotline = TestHotline.start(dataDir, Map.of());
             HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + hotline.managementPort();
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher free = Pattern.compile("(?m)^disk_free_bytes\\{path=\"" + Pattern.quote(dataDir.toAbsolutePath()
                    .normalize().toString()) + "\"\\} ([0-9.E+]+)$").matcher(metrics.body());
            assertThat(free.find()).as(metrics.body()).isTrue();
            assertThat(Double.parseDouble(free.group(1))).isPositive();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }
}
