package org.hotline.reports.retention;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.VOICEMAIL_TASKS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes voice-message audio whose task is done, or that is older than the cut-off: the file under the voicemail
 * directory, then the call's reference to it (so no screen offers a message that is gone). A reference that
 * would lead outside the directory is never followed.
 */
final class VoicemailAudio {
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailAudio.class);

    private final DSLContext dsl;
    private final RetentionConfig config;
    private final Clock clock;

    VoicemailAudio(DSLContext dsl, RetentionConfig config, Clock clock) {
        this.dsl = dsl;
        this.config = config;
        this.clock = clock;
    }

    long purge(Instant cutoff) {
        var done = DSL.exists(DSL.selectOne().from(VOICEMAIL_TASKS).where(VOICEMAIL_TASKS.CALL_ID.eq(CALLS.ID))
                .and(VOICEMAIL_TASKS.DONE_AT.isNotNull()));
        var expired = dsl.select(CALLS.ID, CALLS.VOICEMAIL_REF).from(CALLS)
                .where(CALLS.VOICEMAIL_REF.isNotNull())
                .and(done.or(CALLS.ENTERED_AT.lt(cutoff.atOffset(ZoneOffset.UTC))))
                .fetch();
        long purged = 0;
        for (var message : expired) {
            if (deleteFile(message.value2())) {
                dsl.update(CALLS).set(CALLS.VOICEMAIL_REF, (String) null).where(CALLS.ID.eq(message.value1()))
                        .execute();
                purged++;
            }
        }
        long count = purged;
        dsl.transaction(tx -> PurgeAudit.record(tx.dsl(), OffsetDateTime.now(clock)
                .withOffsetSameInstant(ZoneOffset.UTC), "voicemail-audio", cutoff, count));
        return purged;
    }

    /** True when the file is gone now (deleted, or already missing). */
    private boolean deleteFile(String reference) {
        Path dir = config.voicemailDir();
        Path file = dir.resolve(reference).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            LOG.warn("A voice-message reference points outside {}; left alone", dir);
            return false;
        }
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            LOG.warn("Could not delete a voice message in {}: {}", dir, e.toString());
            return false;
        }
    }
}
