package org.hotline.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.core.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault keeps a number only encrypted, in its own owner-only file, reveals it only before its retention runs
 * out, and leaves no trace of it once destroyed or expired.
 */
class CallbackVaultTest {
    private static final String NUMBER = "+93701234567";
    private static final String CALL = "5e0c1f7a-1111-4222-8333-444455556666";
    private static final Instant NOW = Instant.parse("2026-12-08T01:00:00Z");

    @TempDir
    Path dataDir;

    private CallbackVault vault() {
        return CallbackVault.open(CallbackConfig.from(Settings.defaultSettings().with(
                Map.of("data.dir", dataDir.toString()))));
    }

    @Test
    void offByDefault() {
        CallbackConfig config = CallbackConfig.from(Settings.defaultSettings());
        assertThat(config.offeredTo("prs", "*")).isFalse();
        assertThat(config.languages()).isEmpty();
    }

    @Test
    void onlyTheChosenLanguagesAndRoutesAreOffered() {
        CallbackConfig config = CallbackConfig.from(Settings.defaultSettings().with(
                Map.of("callback.enabled", "true", "callback.languages", "prs, ps", "callback.routes", "*")));
        assertThat(config.offeredTo("prs", "*")).isTrue();
        assertThat(config.offeredTo("ps", "*")).isTrue();
        assertThat(config.offeredTo("ur", "*")).isFalse();
        assertThat(config.offeredTo("prs", "0511098")).isFalse();
    }

    @Test
    void keepsTheNumberEncryptedInAnOwnerOnlyFileAndRevealsIt() throws Exception {
        CallbackVault vault = vault();
        CallbackId id = vault.keep(CALL, NUMBER, NOW.plus(Duration.ofHours(1)));

        assertThat(id.value()).doesNotContain("93701234567");
        assertThat(vault.reveal(id, NOW)).contains(NUMBER);
        Path file = dataDir.resolve("callbacks").resolve(id.value() + ".cb");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("callback.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertNoTrace();
        // A second vault on the same key (a restart) still reads it.
        assertThat(vault().reveal(id, NOW)).contains(NUMBER);
    }

    @Test
    void aTamperedExpiryOrRenamedFileRevealsNothing() throws Exception {
        CallbackVault vault = vault();
        CallbackId id = vault.keep(CALL, NUMBER, NOW.plus(Duration.ofMinutes(1)));
        Path file = dataDir.resolve("callbacks").resolve(id.value() + ".cb");
        byte[] bytes = Files.readAllBytes(file);
        bytes[8] ^= 0x7f; // the expiry's low byte: pushed later, bound into the tag
        Files.write(file, bytes);
        assertThat(vault.reveal(id, NOW)).isEmpty();
        bytes[8] ^= 0x7f;
        bytes[10] ^= 0x01; // the call id, bound in as well: the number cannot be moved to another call
        Files.write(file, bytes);
        assertThat(vault.reveal(id, NOW)).isEmpty();

        CallbackId other = vault.keep(CALL, NUMBER, NOW.plus(Duration.ofMinutes(1)));
        CallbackId renamed = new CallbackId("cb-" + "0".repeat(32));
        Files.move(dataDir.resolve("callbacks").resolve(other.value() + ".cb"),
                dataDir.resolve("callbacks").resolve(renamed.value() + ".cb"));
        assertThat(vault.reveal(renamed, NOW)).isEmpty();
    }

    @Test
    void destroyLeavesNothingBehind() throws Exception {
        CallbackVault vault = vault();
        CallbackId id = vault.keep(CALL, NUMBER, NOW.plus(Duration.ofHours(1)));

        assertThat(vault.destroy(id)).isTrue();
        assertThat(vault.holds(id)).isFalse();
        assertThat(vault.reveal(id, NOW)).isEmpty();
        assertThat(vault.destroy(id)).isFalse();
        assertThat(vault.kept()).isZero();
        assertNoTrace();
    }

    @Test
    void aNumberPastItsRetentionIsNeverRevealedAndIsDestroyed() {
        CallbackVault vault = vault();
        CallbackId old = vault.keep(CALL, NUMBER, NOW.plus(Duration.ofMinutes(5)));
        CallbackId fresh = vault.keep(CALL, "+923001234567", NOW.plus(Duration.ofHours(5)));
        Instant later = NOW.plus(Duration.ofMinutes(5));

        assertThat(vault.reveal(old, later)).isEmpty();
        assertThat(vault.destroyExpired(later)).containsExactly(new CallbackVault.Expired(old, CALL));
        assertThat(vault.holds(old)).isFalse();
        assertThat(vault.reveal(fresh, later)).contains("+923001234567");
        assertThat(vault.kept()).isEqualTo(1);
    }

    private void assertNoTrace() throws Exception {
        List<String> needles = List.of(NUMBER, "93701234567", "0701234567", "701234567");
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (String needle : needles) {
                    for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE,
                            StandardCharsets.UTF_16LE)) {
                        assertThat(indexOf(bytes, needle.getBytes(charset))).as(needle + " in " + file).isNegative();
                    }
                }
            }
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
