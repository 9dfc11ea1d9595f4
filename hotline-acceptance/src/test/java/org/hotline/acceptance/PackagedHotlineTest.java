package org.hotline.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar starts as its own process, takes an operator added by the command line, and stops cleanly. */
class PackagedHotlineTest {
    @TempDir
    Path dir;

    @Test
    void thePackagedJarRunsAndStops() throws Exception {
        Path data = dir.resolve("data");
        HotlineProcess.command(data, "a long enough password\n", "user", "add", "--username", "ana",
                "--role", "operator", "--languages", "prs", "--endpoint", "PJSIP/1001");
        try (HotlineProcess hotline = HotlineProcess.start(data, "hotline", Map.of());
                HttpClient http = HttpClient.newHttpClient()) {
            var health = http.send(HttpRequest.newBuilder(URI.create(hotline.baseUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            hotline.stop();
            assertThat(hotline.output()).contains("Hotline stopped");
        }
    }
}
