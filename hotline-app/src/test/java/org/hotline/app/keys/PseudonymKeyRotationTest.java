package org.hotline.app.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.CALLS;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.hotline.app.TestHotline;
import org.hotline.app.run.Hotline;
import org.hotline.core.StartupException;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.core.db.tables.records.CallsRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Rotating the caller-pseudonym key keeps a repeat caller linked: a call before the rotation, {@code hotline
 * pseudonym rotate} asked of the running hotline, a call after it from the same number, and the later call counts
 * the earlier one among "earlier calls from this caller". At the end of the overlap the old key is overwritten,
 * deleted and audited (by key id, no key material). A key id the ring does not know, or a live key whose file is
 * missing, stops the start with one sentence, and no key is made in its place. Calls go over the real FastAGI wire
 * protocol from the fake Asterisk.
 */
class PseudonymKeyRotationTest {
    private static final String CALLER = "+93701234567";
    private static final String SOMEONE_ELSE = "+93709999999";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void aCallerIsLinkedAcrossARotationAndTheOldKeyIsDestroyedAndAuditedAtTheEndOfTheOverlap() throws Exception {
        Path originalKey = dataDir.resolve("pseudonym.key");
        String before;
        String after;
        try (Hotline hotline = TestHotline.start(dataDir, Map.of())) {
            before = call(hotline, CALLER).getId();

            String said = rotate();
            assertThat(said).contains("The pseudonym key k2", "is current", "done by the running hotline");
            Path newKey = dataDir.resolve("pseudonym.key.2");
            assertThat(Files.getPosixFilePermissions(newKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("pseudonym.key.ring")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            CallsRecord afterRow = call(hotline, CALLER);
            after = afterRow.getId();
            assertThat(afterRow.getCallerPseudonym()).as("new calls get the new key's pseudonym").startsWith("k2:");
            assertThat(afterRow.getCallerPseudonymOtherKeys()).as("and the old key's, for the overlap")
                    .isEqualTo(row(hotline, before).getCallerPseudonym());
            String stranger = call(hotline, SOMEONE_ELSE).getId();

            JooqCallJournal journal = new JooqCallJournal(hotline.database().dsl(), "test");
            assertThat(journal.earlierCallsOf(after)).as("the call before the rotation is found").isEqualTo(1);
            assertThat(journal.earlierCallsOf(stranger)).isZero();
            assertThat(audited(hotline, "pseudonym-key-rotated")).containsExactly("k2");
        }

        // The overlap ends: the next start destroys the original key (overwritten, then deleted) and audits it.
        String originalHex = Files.readString(originalKey).trim();
        Path stillPointsAtTheBytes = dataDir.resolve("key-inode");
        Files.createLink(stillPointsAtTheBytes, originalKey);
        try (Hotline hotline = TestHotline.start(dataDir, Map.of("pseudonym.rotation-overlap", "0s"))) {
            assertThat(originalKey).doesNotExist();
            assertThat(new String(Files.readAllBytes(stillPointsAtTheBytes), StandardCharsets.ISO_8859_1))
                    .as("overwritten before it was deleted")
                    .doesNotContain(originalHex);
            assertThat(audited(hotline, "pseudonym-key-destroyed")).containsExactly("k1");
            assertThat(hotline.database().dsl().selectFrom(AUDIT_EVENTS).fetch().formatCSV())
                    .as("no key material in the audit").doesNotContain(originalHex)
                    .doesNotContain(Files.readString(dataDir.resolve("pseudonym.key.2")).trim());

            CallsRecord later = call(hotline, CALLER);
            assertThat(later.getCallerPseudonym()).startsWith("k2:");
            assertThat(later.getCallerPseudonymOtherKeys()).as("one live key: nothing else to link").isNull();
            assertThat(new JooqCallJournal(hotline.database().dsl(), "test").earlierCallsOf(later.getId()))
                    .as("the call under the new key still links; the one under the destroyed key no longer can")
                    .isEqualTo(1);
        }

        // A live key whose file is missing, and a key id the ring does not know: one sentence each, no new key.
        Path ring = dataDir.resolve("pseudonym.key.ring");
        String ringText = Files.readString(ring);
        Files.writeString(ring, ringText.replace("current=2", "current=3"));
        assertThatThrownBy(() -> TestHotline.start(dataDir, Map.of())).isInstanceOf(StartupException.class)
                .hasMessage("The pseudonym key k3 (" + dataDir.resolve("pseudonym.key.3") + ") is missing but the "
                        + "key ring " + ring + " says it is live; restore the file from backup (or point "
                        + "HOTLINE_PSEUDONYM_KEY_FILE at its folder). No new key is made in its place, because that "
                        + "would silently break every link to earlier callers.");
        Files.delete(ring);
        assertThatThrownBy(() -> TestHotline.start(dataDir, Map.of())).isInstanceOf(StartupException.class)
                .hasMessage("Caller pseudonyms name pseudonym key k2, which the key ring " + ring + " does not know "
                        + "(it has k1 to k1); restore the pseudonym key files and the ring from the backup that has "
                        + "it. No new key is made in its place, because that would silently break every link to "
                        + "earlier callers.");
        assertThat(originalKey).as("no key was made behind the operator's back").doesNotExist();
        assertThat(dataDir.resolve("pseudonym.key.3")).doesNotExist();
    }

    /** {@code hotline pseudonym rotate}, as an admin runs it next to the running hotline. */
    private String rotate() {
        PseudonymCommand.Rotate rotate = new PseudonymCommand.Rotate();
        rotate.environment = Map.of("HOTLINE_DATA_DIR", dataDir.toString());
        StringWriter out = new StringWriter();
        int exit = new CommandLine(rotate).setOut(new PrintWriter(out)).execute();
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    /** A caller who picks a language and hangs up at the purpose menu; their call's row once it is stored. */
    private static CallsRecord call(Hotline hotline, String callerId) {
        FakeCall call = FakeCall.builder("127.0.0.1", hotline.agiPort()).callerId(callerId)
                .instantPrompts("which pseudonym a call gets, not prompt timing").press('1')
                .hangupWhen(command -> command.contains("hotline/purpose")).build();
        call.run(LIMIT);
        await().atMost(LIMIT).until(() -> hotline.database().dsl().fetchExists(CALLS,
                CALLS.ASTERISK_UNIQUE_ID.eq(call.uniqueId())));
        return hotline.database().dsl().selectFrom(CALLS).where(CALLS.ASTERISK_UNIQUE_ID.eq(call.uniqueId()))
                .fetchSingle();
    }

    private static CallsRecord row(Hotline hotline, String callId) {
        return hotline.database().dsl().selectFrom(CALLS).where(CALLS.ID.eq(callId)).fetchSingle();
    }

    private static java.util.List<String> audited(Hotline hotline, String action) {
        return hotline.database().dsl().select(AUDIT_EVENTS.SUBJECT_ID).from(AUDIT_EVENTS)
                .where(AUDIT_EVENTS.ACTION.eq(action)).fetch(AUDIT_EVENTS.SUBJECT_ID);
    }
}
