package org.hotline.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreDocumentedValues() {
        Settings settings = Settings.defaultSettings();
        assertThat(settings.port("agi.port")).isEqualTo(4573);
        assertThat(settings.string("agi.bind")).isEqualTo("127.0.0.1");
        assertThat(settings.port("http.port")).isEqualTo(8080);
        assertThat(settings.string("data.dir")).isEqualTo("./data");
        assertThat(settings.duration("ivr.hold.poll")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void environmentVariablesOverrideAConfigFileWhichOverridesDefaults() throws Exception {
        Path file = dir.resolve("hotline.properties");
        Files.writeString(file, "agi.port = 5000\nhttp.port = 9000\n");
        Settings settings = Settings.load(Map.of("HOTLINE_CONFIG", file.toString(), "HOTLINE_AGI_PORT", "6000",
                "HOTLINE_PSEUDONYM_KEY_FILE", "/keys/k", "HOTLINE_DB_URL", "jdbc:h2:mem:x"));
        assertThat(settings.port("agi.port")).isEqualTo(6000);
        assertThat(settings.port("http.port")).isEqualTo(9000);
        assertThat(settings.string("pseudonym.key-file")).isEqualTo("/keys/k");
        assertThat(settings.string("db.url")).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void everyRequiredVariableHasASetting() {
        Settings settings = Settings.defaultSettings();
        for (String variable : new String[] {"HOTLINE_AGI_PORT", "HOTLINE_AGI_BIND", "HOTLINE_HTTP_PORT",
                "HOTLINE_HTTP_BIND", "HOTLINE_DATA_DIR", "HOTLINE_DB_URL", "HOTLINE_PSEUDONYM_KEY_FILE"}) {
            assertThat(Settings.load(Map.of(variable, "x")).string(keyFor(variable, settings))).isEqualTo("x");
        }
    }

    @Test
    void unknownKeysAndBadValuesNameTheSetting() throws Exception {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "agi.prot = 5000\n");
        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_CONFIG", file.toString())))
                .isInstanceOf(SettingsException.class).hasMessageContaining("agi.prot");
        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_AGI_PORT", "many")).port("agi.port"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("HOTLINE_AGI_PORT");
        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_IVR_HOLD_POLL", "soon")).duration("ivr.hold.poll"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("ivr.hold.poll");
    }

    @Test
    void anUnknownHotlineVariableIsAnErrorSuggestingTheNearestSetting() {
        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_AGI_PROT", "1")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("HOTLINE_AGI_PROT is not a Hotline setting; did you mean HOTLINE_AGI_PORT (agi.port)?");
        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_DB_PASWORD_FILE", "/x")))
                .hasMessage("HOTLINE_DB_PASWORD_FILE is not a Hotline setting; did you mean HOTLINE_DB_PASSWORD_FILE "
                        + "(db.password-file)?");
        assertThatThrownBy(() -> Settings.load(Map.of("HOTLINE_WHATEVER_ELSE", "1")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("HOTLINE_WHATEVER_ELSE is not a Hotline setting; the settings are the keys of "
                        + "hotline.properties (agi.port is HOTLINE_AGI_PORT).");
    }

    @Test
    void theScriptsOwnVariablesAndOtherProgramsVariablesAreNotSettingsButAllowed() {
        Settings settings = Settings.load(Map.of("HOTLINE_ROOT", "/opt/hotline", "HOTLINE_JAR", "/opt/hotline.jar",
                "HOTLINE_BENCH_SERVER_FLAGS", "-Xlog:gc", "PATH", "/bin", "HOTLINEX", "1"));
        assertThat(settings.port("agi.port")).isEqualTo(4573);
        assertThat(Settings.NOT_SETTINGS).contains("HOTLINE_CONFIG", "HOTLINE_ROOT", "HOTLINE_JAR");
    }

    private static String keyFor(String variable, Settings settings) {
        return switch (variable) {
            case "HOTLINE_AGI_PORT" -> "agi.port";
            case "HOTLINE_AGI_BIND" -> "agi.bind";
            case "HOTLINE_HTTP_PORT" -> "http.port";
            case "HOTLINE_HTTP_BIND" -> "http.bind";
            case "HOTLINE_DATA_DIR" -> "data.dir";
            case "HOTLINE_DB_URL" -> "db.url";
            default -> "pseudonym.key-file";
        };
    }
}
