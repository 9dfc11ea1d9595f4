package org.hotline.acceptance.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.TIPS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.Staff;
import org.hotline.acceptance.StoppedDatabase;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supported upgrade path (README "Upgrade and roll back"): a data directory written by the previous release
 * (0.1.0, migrations V1 to V15: a committed fixture made through its real paths by UpgradeFixtureMaker) started
 * under this version. The migrations move it forward at start, and everything in it is still there and still
 * works: every tip with its referrals, every call, the operators (who still sign in with their passwords) and the
 * pseudonym key (a caller from before the upgrade links to their earlier calls).
 */
class UpgradeTest {
    private static final String FIXTURE = "/upgrade/0.1.0/";
    /** The fixture's returning caller (UpgradeFixtureMaker.RETURNING_CALLER). */
    private static final String RETURNING_CALLER = "+93700424242";

    @TempDir
    Path dir;

    @Test
    void aDataDirectoryOfThePreviousReleaseStartsUnderThisVersionWithEverythingInIt() throws IOException {
        Path data = unzipFixture(dir.resolve("data"));
        Properties expected = new Properties();
        try (InputStream in = UpgradeTest.class.getResourceAsStream(FIXTURE + "expected.properties")) {
            expected.load(in);
        }
        Set<String> tips = new HashSet<>(Arrays.asList(expected.getProperty("tips").split(",")));
        String pseudonym = expected.getProperty("returning-caller-pseudonym");

        try (HotlineProcess hotline = HotlineProcess.start(data, "upgraded", Map.of("ivr.menu.timeout", "500ms",
                "ivr.voicemail.dir", dir.resolve("voicemail").toString()))) {
            Staff.signedIn(hotline, "nadia");
            FakeCall.builder("127.0.0.1", hotline.agiPort()).callerId(RETURNING_CALLER).pressDuringMenus('1', '2')
                    .build().run(Duration.ofSeconds(60));
            hotline.stop();
        }

        StoppedDatabase.with(data, db -> {
            assertThat(new HashSet<>(db.select(TIPS.ID).from(TIPS).fetch(TIPS.ID))).isEqualTo(tips);
            assertThat(db.fetchCount(REFERRALS)).isEqualTo(Integer.parseInt(expected.getProperty("referrals")));
            assertThat(db.fetchCount(CALLS)).as("the fixture's calls and the one after the upgrade")
                    .isEqualTo(Integer.parseInt(expected.getProperty("calls")) + 1);
            assertThat(db.fetchCount(CALLS, CALLS.CALLER_PSEUDONYM.eq(pseudonym)))
                    .as("the returning caller's calls, before the upgrade and after it")
                    .isEqualTo(Integer.parseInt(expected.getProperty("returning-caller-calls")) + 1);
            assertThat(db.fetchCount(table(name("flyway_schema_history")),
                    field(name("success"), Boolean.class).isFalse())).as("failed migrations").isZero();
            return null;
        });
    }

    private static Path unzipFixture(Path data) throws IOException {
        Files.createDirectories(data);
        try (ZipInputStream zip = new ZipInputStream(UpgradeTest.class.getResourceAsStream(FIXTURE + "data.zip"))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = data.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(data)).as(entry.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
            }
        }
        return data;
    }
}
