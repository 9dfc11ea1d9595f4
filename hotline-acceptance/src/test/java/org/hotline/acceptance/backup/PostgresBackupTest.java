package org.hotline.acceptance.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.CALLS;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.simulator.FakeCall;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hotline backup} and {@code restore} with PostgreSQL: the running packaged hotline dumps its database with
 * {@code pg_dump} (one snapshot) into the encrypted archive, and {@code restore} loads it into another, empty
 * database with {@code pg_restore}, where a hotline finds its calls and the returning caller still links. Needs the
 * PostgreSQL client tools on the PATH (Debian's postgresql-client; ./scripts/test installs it as root).
 */
class PostgresBackupTest {
    private static final Pattern WRITTEN = Pattern.compile("Backup written to (\\S+\\.pgp) ");
    private static final String CALLER = "+93700777888";

    @TempDir
    Path dir;

    @Test
    void aPostgresBackupOfTheRunningHotlineRestoresIntoAnotherDatabase() throws Exception {
        assumeTrue(onPath("pg_dump") && onPath("pg_restore"), "pg_dump and pg_restore are not installed");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE hotline");
                statement.execute("CREATE DATABASE restored");
            }
            Path key = Files.writeString(dir.resolve("backup.key"), "postgres backup passphrase, long enough\n");
            Map<String, String> settings = new HashMap<>(Map.of("db.url", postgres.getJdbcUrl("postgres", "hotline"),
                    "db.user", "postgres", "backup.key-file", key.toString(), "ivr.menu.timeout", "300ms",
                    "ivr.voicemail.dir", dir.resolve("voicemail").toString()));
            Path data = dir.resolve("data");
            Path archive;
            try (HotlineProcess hotline = HotlineProcess.start(data, "before", settings)) {
                call(hotline);
                String output = HotlineProcess.command(data, settings, null, "backup");
                Matcher written = WRITTEN.matcher(output);
                assertThat(written.find()).as(output).isTrue();
                archive = Path.of(written.group(1));
                hotline.stop();
            }

            Path restoredData = dir.resolve("restored");
            Map<String, String> restored = new HashMap<>(settings);
            restored.put("db.url", postgres.getJdbcUrl("postgres", "restored"));
            String sentence = HotlineProcess.command(restoredData, restored, null, "restore", archive.toString());
            assertThat(sentence).contains("Restored " + archive);
            try (HotlineProcess hotline = HotlineProcess.start(restoredData, "restored", restored)) {
                call(hotline);
                hotline.stop();
            }
            DSLContext db = DSL.using(postgres.getDatabase("postgres", "restored"), SQLDialect.POSTGRES);
            String pseudonym = db.select(CALLS.CALLER_PSEUDONYM).from(CALLS).orderBy(CALLS.ENTERED_AT).limit(1)
                    .fetchOne(CALLS.CALLER_PSEUDONYM);
            assertThat(db.fetchCount(CALLS, CALLS.CALLER_PSEUDONYM.eq(pseudonym)))
                    .as("the call before the backup and the one after the restore").isEqualTo(2);
            assertThat(db.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("backup-restored"))).isEqualTo(1);
        }
    }

    private static void call(HotlineProcess hotline) {
        FakeCall.builder("127.0.0.1", hotline.agiPort()).callerId(CALLER).pressDuringMenus('1', '2').build()
                .run(Duration.ofSeconds(60));
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(path -> Files.isExecutable(Path.of(path, tool)));
    }
}
