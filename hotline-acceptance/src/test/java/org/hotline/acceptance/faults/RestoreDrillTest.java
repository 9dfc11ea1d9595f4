package org.hotline.acceptance.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.TIPS;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.StoppedDatabase;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore drill (issue 20), with the packaged jar's own commands, as the person running the server would do
 * it: operators take calls and save tips while callers dial in; {@code hotline backup} asks the running hotline
 * for an online backup in the middle of it; {@code hotline restore} refuses to write under the running hotline;
 * the server then dies ({@code kill -9}), the backup is restored into a new data directory, and a hotline started
 * from it holds every tip acknowledged before the backup began, whole, its voice message, and the same pseudonym
 * key: a caller from before the backup who calls again links to their earlier call.
 */
class RestoreDrillTest {
    private static final Pattern WRITTEN = Pattern.compile("Backup written to (\\S+\\.pgp) ");
    private static final String RETURNING_CALLER = "+93700313131";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private final Vertx clients = Vertx.vertx();

    @AfterEach
    void stopClients() {
        clients.close();
    }

    @Test
    void aBackupTakenDuringTrafficRestoresEveryAcknowledgedTipAndKeepsCallersLinked() throws IOException {
        Path key = Files.writeString(dir.resolve("backup.key"), "restore drill passphrase, long enough\n");
        Path data = dir.resolve("data");
        Path voicemail = Files.createDirectories(dir.resolve("voicemail"));
        Files.writeString(voicemail.resolve("11111111-2222-3333-4444-555555555555.wav"), "RIFF a voice message");
        Map<String, String> settings = Map.of("ivr.menu.timeout", "500ms", "ivr.hold.poll", "50ms",
                "ivr.voicemail.dir", voicemail.toString(), "backup.key-file", key.toString());
        Desk.THREE.forEach(desk -> desk.add(data, Map.of()));
        TipLedger ledger = new TipLedger();
        AtomicInteger callTips = new AtomicInteger();
        Set<String> acknowledgedBeforeBackup;
        Path archive;
        try (HotlineProcess hotline = HotlineProcess.start(data, "before", settings)) {
            FakeCall.builder("127.0.0.1", hotline.agiPort()).callerId(RETURNING_CALLER).pressDuringMenus('1', '2')
                    .build().run(Duration.ofSeconds(60));
            Traffic traffic = new Traffic(hotline, clients, Desk.THREE, ledger, callTips, 4);
            await().atMost(Duration.ofSeconds(120)).until(() -> ledger.acknowledged().size() >= 40
                    && callTips.get() >= 1 && traffic.callersInIvr() > 0);
            acknowledgedBeforeBackup = ledger.acknowledged();

            String output = HotlineProcess.command(data, settings, null, "backup");

            assertThat(output).contains("(made by the running hotline)");
            Matcher written = WRITTEN.matcher(output);
            assertThat(written.find()).as(output).isTrue();
            archive = Path.of(written.group(1));
            assertThatThrownBy(() -> HotlineProcess.command(data, settings, null, "restore", archive.toString()))
                    .hasMessageContaining("hotline: A hotline is running on " + data + "; stop it first");
            // Traffic goes on after the backup: those tips are not in it, and need not be.
            int atBackup = ledger.acknowledged().size();
            await().atMost(Duration.ofSeconds(120)).until(() -> ledger.acknowledged().size() >= atBackup + 10);
            traffic.killServer();
        }
        assertThat(acknowledgedBeforeBackup).hasSizeGreaterThanOrEqualTo(40);

        Path restored = dir.resolve("restored");
        Path restoredVoicemail = dir.resolve("restored-voicemail");
        Map<String, String> restoredSettings = new HashMap<>(settings);
        restoredSettings.put("ivr.voicemail.dir", restoredVoicemail.toString());
        String sentence = HotlineProcess.command(restored, restoredSettings, null, "restore", archive.toString());
        assertThat(sentence).contains("Restored " + archive).contains("into " + restored);
        assertThat(restoredVoicemail.resolve("11111111-2222-3333-4444-555555555555.wav"))
                .hasContent("RIFF a voice message");

        try (HotlineProcess hotline = HotlineProcess.start(restored, "restored", restoredSettings)) {
            FakeCall.builder("127.0.0.1", hotline.agiPort()).callerId(RETURNING_CALLER).pressDuringMenus('1', '2')
                    .build().run(Duration.ofSeconds(60));
            hotline.stop();
        }
        StoppedDatabase.with(restored, db -> {
            Set<String> tips = new HashSet<>(db.select(TIPS.ID).from(TIPS).fetch(TIPS.ID));
            assertThat(tips).as("every tip acknowledged before the backup began").containsAll(acknowledgedBeforeBackup);
            assertThat(ledger.acknowledged()).as("and nothing that was never acknowledged").containsAll(tips);
            assertThat(db.fetchCount(REFERRALS)).as("every tip whole, with both referrals").isEqualTo(2 * tips.size());
            String first = db.select(CALLS.CALLER_PSEUDONYM).from(CALLS).where(CALLS.CALLER_PSEUDONYM.isNotNull())
                    .orderBy(CALLS.ENTERED_AT).limit(1).fetchOne(CALLS.CALLER_PSEUDONYM);
            assertThat(db.fetchCount(CALLS, CALLS.CALLER_PSEUDONYM.eq(first)))
                    .as("the returning caller's calls, before the backup and after the restore").isEqualTo(2);
            assertThat(db.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("backup-restored")
                    .and(AUDIT_EVENTS.SUBJECT_ID.eq(archive.getFileName().toString())))).isEqualTo(1);
            return tips.size();
        });
    }
}
