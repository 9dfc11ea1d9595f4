package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.CALLS;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.core.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged commit survives {@code kill -9}: a child JVM commits rows and reports each one; it is killed
 * without warning, and every reported row must be there when the database is reopened.
 */
class DurabilityTest {
    private static final int ACKNOWLEDGED = 300;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedCommitSurvivesKillNine() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CommitThenWait.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        int lastAcknowledged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    lastAcknowledged = Integer.parseInt(line.substring("committed ".length()));
                    if (lastAcknowledged >= ACKNOWLEDGED) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lastAcknowledged).as("the child committed rows").isGreaterThanOrEqualTo(ACKNOWLEDGED);

        try (Database reopened = Database.open(StorageConfig.from(Settings.defaultSettings().with(
                Map.of("data.dir", dataDir.toString()))))) {
            for (int i = 0; i <= lastAcknowledged; i++) {
                assertThat(reopened.dsl().fetchExists(CALLS, CALLS.ID.eq("call-" + i)))
                        .as("acknowledged row %d", i).isTrue();
            }
        }
    }
}
