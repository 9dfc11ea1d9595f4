package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.app.run.Hotline;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.hotline.core.config.SettingsException;
import org.hotline.simulator.FakeCall;
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
    void aReferralDueDaysOutOfRangeIsOneClearSentenceBeforeAnythingStarts() {
        assertThatThrownBy(() -> Hotline.start(settings(Map.of("referral.due-days", "0"))))
                .isInstanceOf(org.hotline.core.config.SettingsException.class)
                .hasMessageContaining("HOTLINE_REFERRAL_DUE_DAYS").hasMessageContaining("from 1 to 365");
    }

    @Test
    void aNearlyFullDiskStopsTheStartWithOneSentenceBeforeTheDatabaseIsTouched() {
        // More free space than any test machine has: the disk is "nearly full" for this threshold.
        assertThatThrownBy(() -> Hotline.start(settings(Map.of("data.min-free-mb", "2000000000"))))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("The disk of the data directory " + dataDir.resolve("d"))
                .hasMessageContaining("is nearly full").hasMessageContaining("data.min-free-mb");
    }

    @Test
    void amiWithoutItsSecretFileIsOneClearSentenceBeforeTheDatabase() {
        assertThatThrownBy(() -> Hotline.start(settings(Map.of("ami.host", "127.0.0.1"))))
                .isInstanceOf(StartupException.class).hasMessageContaining("HOTLINE_AMI_SECRET_FILE");
        assertThatThrownBy(() -> Hotline.start(settings(Map.of("ami.host", "127.0.0.1",
                "ami.secret-file", dataDir.resolve("no-such-secret").toString()))))
                .isInstanceOf(StartupException.class).hasMessageContaining("Cannot read the AMI secret file");
        assertThat(dataDir.resolve("d").resolve("hotline.mv.db")).doesNotExist();
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
            builder.environment().put("HOTLINE_MANAGEMENT_PORT", "0");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor()).isEqualTo(1);
            assertThat(output).contains("hotline: The FastAGI port 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void anUnknownHotlineVariableIsOneSentenceNamingItAndTheNearestSetting() throws Exception {
        Cli run = cli(Map.of("HOTLINE_AGI_PROT", "1"), "run");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).isEqualTo(
                "hotline: HOTLINE_AGI_PROT is not a Hotline setting; did you mean HOTLINE_AGI_PORT (agi.port)?\n");
        assertThat(dataDir.resolve("cli")).as("nothing was started").doesNotExist();
    }

    @Test
    void anUnsupportedDatabaseUrlIsOneSentence() throws Exception {
        Cli run = cli(Map.of("HOTLINE_DB_URL", "jdbc:nonsense://x"), "run");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).isEqualTo("hotline: The database URL jdbc:nonsense:... (HOTLINE_DB_URL) is not "
                + "supported; use jdbc:postgresql://host:port/database, or leave it empty for the embedded H2 database.\n");
    }

    @Test
    void aDatabaseThatRefusesConnectionsIsOneSentence() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/hotline";
        Cli run = cli(Map.of("HOTLINE_DB_URL", url + "?user=hotline&password=secret"), "run");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).isEqualTo("hotline: The database at " + url
                + " cannot be reached (Connection refused); start it, or correct HOTLINE_DB_URL.\n");
    }

    @Test
    void badValuesArePutRightBeforeTheDatabaseIsCreatedOrMigrated() {
        Path data = dataDir.resolve("d");
        assertThatThrownBy(() -> Hotline.start(settings(Map.of("ivr.menu.timeout", "soon"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("HOTLINE_IVR_MENU_TIMEOUT");
        assertThatThrownBy(() -> Hotline.start(settings(Map.of("report.time", "midnight"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("report.time");
        assertThatThrownBy(() -> Hotline.start(settings(Map.of("retention.call-days", "forever"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("retention.call-days");
        assertThat(data.resolve("hotline.mv.db")).as("no database was made").doesNotExist();
    }

    @Test
    void aBusyPortOrAnUnreadableKeyIsFoundBeforeTheDatabaseIsCreatedOrMigrated() throws Exception {
        Path data = dataDir.resolve("d");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Hotline.start(settings(Map.of("http.port", port(taken)))))
                    .isInstanceOf(StartupException.class).hasMessageContaining("HOTLINE_HTTP_PORT");
            assertThatThrownBy(() -> Hotline.start(settings(Map.of("agi.port", port(taken)))))
                    .isInstanceOf(StartupException.class).hasMessageContaining("HOTLINE_AGI_PORT");
        }
        assertThatThrownBy(() -> Hotline.start(settings(Map.of("http.tls.cert-file", dataDir.resolve("no.pem")
                .toString(), "http.tls.key-file", dataDir.resolve("no.key").toString()))))
                .isInstanceOf(StartupException.class).hasMessageContaining("no.pem");
        assertThat(data.resolve("hotline.mv.db")).as("no database was made").doesNotExist();
    }

    @Test
    void aMissingPseudonymKeyNextToPseudonymizedCallsStopsTheStartUntilANewKeyIsMadeOnPurpose() throws Exception {
        Path data = dataDir.resolve("d");
        Path key = data.resolve("pseudonym.key");
        try (Hotline hotline = Hotline.start(settings(Map.of()))) {
            assertThat(key).as("a new data directory gets its key").exists();
            FakeCall.builder("127.0.0.1", hotline.agiPort()).callerId("+93709876543").press('1')
                    .hangupWhen(command -> command.contains("hotline/purpose")).build().run(Duration.ofSeconds(60));
        }
        String oldKey = Files.readString(key);
        Files.delete(key);

        String refusal = "The pseudonym key " + key + " is missing but the database holds calls pseudonymized "
                + "with it; restore the file from backup (or point HOTLINE_PSEUDONYM_KEY_FILE at it), or make a "
                + "new key that breaks every link to earlier callers with ./scripts/hotline keys "
                + "new-pseudonym-key --i-understand-links-break.";
        assertThatThrownBy(() -> Hotline.start(settings(Map.of()))).isInstanceOf(StartupException.class)
                .hasMessage(refusal);
        Map<String, String> env = Map.of("HOTLINE_DATA_DIR", data.toString());
        Cli run = cli(env, "run");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).isEqualTo("hotline: " + refusal + "\n");
        assertThat(key).as("no key was made behind the operator's back").doesNotExist();

        Cli unconfirmed = cli(env, "keys", "new-pseudonym-key");
        assertThat(unconfirmed.exit()).isNotZero();
        assertThat(key).doesNotExist();
        Cli made = cli(env, "keys", "new-pseudonym-key", "--i-understand-links-break");
        assertThat(made.exit()).as(made.output()).isZero();
        assertThat(made.output()).contains("A new pseudonym key is in " + key);
        assertThat(Files.readString(key)).isNotEqualTo(oldKey);
        try (Hotline hotline = Hotline.start(settings(Map.of()))) {
            assertThat(hotline.database().dsl().fetchCount(AUDIT_EVENTS,
                    AUDIT_EVENTS.ACTION.eq("pseudonym-key-replaced"))).as("the new key is audited").isEqualTo(1);
        }
    }

    /** The command line in a process of its own, as an operator runs it, with only the given HOTLINE_ variables. */
    private Cli cli(Map<String, String> variables, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                System.getProperty("java.class.path"), HotlineCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLINE_"));
        builder.environment().put("HOTLINE_DATA_DIR", dataDir.resolve("cli").toString());
        builder.environment().put("HOTLINE_AGI_PORT", "0");
        builder.environment().put("HOTLINE_HTTP_PORT", "0");
        builder.environment().put("HOTLINE_MANAGEMENT_PORT", "0");
        builder.environment().putAll(variables);
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            throw new AssertionError("hotline " + String.join(" ", args) + " did not stop:\n" + output.get());
        }
        return new Cli(process.exitValue(), output.get());
    }

    private record Cli(int exit, String output) {
    }

    private Settings settings(Map<String, String> overrides) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("data.dir", dataDir.resolve("d").toString(),
                "agi.port", "0", "http.port", "0", "management.port", "0"));
        values.putAll(overrides);
        return Settings.defaultSettings().with(values);
    }

    private static String port(ServerSocket socket) {
        return String.valueOf(socket.getLocalPort());
    }
}
