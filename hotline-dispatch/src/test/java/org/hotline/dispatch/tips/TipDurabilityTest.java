package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.TIPS;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during a storm of tip submissions: a child JVM serves the API and posts tips to itself from
 * several operators, printing each acknowledgement; it is killed without warning, and after reopening every
 * acknowledged tip is there exactly once, with both its referrals and their first status. No tip is half there.
 */
class TipDurabilityTest {
    private static final int ACKNOWLEDGED = 200;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedTipSurvivesKillNine() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TipStorm.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("acknowledged ")) {
                    acknowledged.add(line.substring("acknowledged ".length()));
                    if (acknowledged.size() >= ACKNOWLEDGED) {
                        child.destroyForcibly(); // SIGKILL, with submissions still in flight
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("the child acknowledged tips").hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED);

        try (Database reopened = Database.open(StorageConfig.from(Settings.defaultSettings().with(
                Map.of("data.dir", dataDir.toString()))))) {
            DSLContext db = reopened.dsl();
            for (String id : acknowledged) {
                assertThat(db.fetchCount(TIPS, TIPS.ID.eq(id))).as("acknowledged tip %s", id).isOne();
            }
            // Whatever was in flight at the kill is either wholly there or wholly absent.
            for (String id : db.select(TIPS.ID).from(TIPS).fetch(TIPS.ID)) {
                assertThat(db.fetchCount(REFERRALS, REFERRALS.TIP_ID.eq(id))).as("referrals of %s", id).isEqualTo(2);
            }
            assertThat(db.fetchCount(REFERRAL_STATUS_CHANGES)).isEqualTo(db.fetchCount(REFERRALS));
        }
    }
}
