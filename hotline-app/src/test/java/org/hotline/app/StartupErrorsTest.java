package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.app.run.Hotline;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees when the hotline cannot start: one sentence naming the problem and the fix. */
class StartupErrorsTest {
    @TempDir
    Path dataDir;

    @Test
    void aFastAgiPortInUseIsOneClearSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Hotline.start(settings(Map.of("agi.port", port(taken)))))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("FastAGI port 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("HOTLINE_AGI_PORT");
        }
    }

    @Test
    void anHttpPortInUseIsOneClearSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Hotline.start(settings(Map.of("http.port", port(taken)))))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("already in use").hasMessageContaining("HOTLINE_HTTP_PORT");
            // The failed start released the FastAGI port and the database: a second start works.
            try (Hotline hotline = Hotline.start(settings(Map.of()))) {
                assertThat(hotline.agiPort()).isPositive();
            }
        }
    }

    @Test
    void aHandOffMarginNotBelowTheTimeoutIsOneClearSentence() {
        assertThatThrownBy(() -> Hotline.start(settings(Map.of("dispatch.hand-off-timeout", "5s",
                "dispatch.hand-off-margin", "5s")))).isInstanceOf(org.hotline.core.config.SettingsException.class)
                .hasMessageContaining("HOTLINE_DISPATCH_HAND_OFF_MARGIN")
                .hasMessageContaining("HOTLINE_DISPATCH_HAND_OFF_TIMEOUT");
    }

    @Test
    void anUnusableDataDirectoryIsOneClearSentence() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("file"), "x");
        assertThatThrownBy(() -> Hotline.start(settings(Map.of("data.dir", notADirectory.resolve("data")
                .toString())))).isInstanceOf(StartupException.class)
                .hasMessageContaining("data directory").hasMessageContaining("HOTLINE_DATA_DIR");
    }

    @Test
    void theCommandLinePrintsTheSentenceAndExitsNonZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    HotlineCommand.class.getName(), "run").redirectErrorStream(true);
            builder.environment().put("HOTLINE_DATA_DIR", dataDir.resolve("cli").toString());
            builder.environment().put("HOTLINE_AGI_PORT", port(taken));
            builder.environment().put("HOTLINE_HTTP_PORT", "0");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor()).isEqualTo(1);
            assertThat(output).contains("hotline: The FastAGI port 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    private Settings settings(Map<String, String> overrides) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("data.dir", dataDir.resolve("d").toString(),
                "agi.port", "0", "http.port", "0"));
        values.putAll(overrides);
        return Settings.defaultSettings().with(values);
    }

    private static String port(ServerSocket socket) {
        return String.valueOf(socket.getLocalPort());
    }
}
