package org.hotline.core.prompts;

import static org.hotline.core.db.Tables.PROMPT_RECORDINGS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hotline.core.db.tables.records.PromptRecordingsRecord;
import org.jooq.DSLContext;

/** The takes in the database ({@code prompt_recordings}, V31). Blocking JDBC: call off any event loop. */
public final class PromptRecordings {
    private final DSLContext db;

    public PromptRecordings(DSLContext db) {
        this.db = db;
    }

    /** Every take, oldest first. */
    public List<PromptRecording> all() {
        return db.selectFrom(PROMPT_RECORDINGS).orderBy(PROMPT_RECORDINGS.RECORDED_AT, PROMPT_RECORDINGS.ID)
                .fetch(PromptRecordings::of);
    }

    public Optional<PromptRecording> find(String id) {
        return db.selectFrom(PROMPT_RECORDINGS).where(PROMPT_RECORDINGS.ID.eq(id)).fetchOptional(PromptRecordings::of);
    }

    /** The approved takes, newest first: what the IVR may play. */
    public List<PromptRecording> approved() {
        return db.selectFrom(PROMPT_RECORDINGS).where(PROMPT_RECORDINGS.STATE.eq(PromptRecording.State.APPROVED.code()))
                .orderBy(PROMPT_RECORDINGS.REVIEWED_AT.desc(), PROMPT_RECORDINGS.ID).fetch(PromptRecordings::of);
    }

    void insert(DSLContext tx, PromptRecording take) {
        tx.insertInto(PROMPT_RECORDINGS).set(PROMPT_RECORDINGS.ID, take.id())
                .set(PROMPT_RECORDINGS.LANGUAGE_CODE, take.language()).set(PROMPT_RECORDINGS.PROMPT_KEY, take.key())
                .set(PROMPT_RECORDINGS.TEXT_REVISION, take.textRevision())
                .set(PROMPT_RECORDINGS.FILE_NAME, take.fileName()).set(PROMPT_RECORDINGS.LENGTH_MS, take.lengthMs())
                .set(PROMPT_RECORDINGS.SOURCE, take.source().code()).set(PROMPT_RECORDINGS.STATE, take.state().code())
                .set(PROMPT_RECORDINGS.RECORDED_BY, take.recordedBy())
                .set(PROMPT_RECORDINGS.RECORDED_AT, take.recordedAt().atOffset(ZoneOffset.UTC)).execute();
    }

    /** What a review came to. */
    public enum Review {
        /** Approved or rejected as asked. */
        DONE,
        /** No such take, or it was already reviewed. */
        NOT_AWAITING,
        /** The reviewer recorded it: a second speaker must review it. */
        OWN_TAKE,
        /** The reviewer does not speak the take's language. */
        NOT_THEIR_LANGUAGE
    }

    /**
     * Approves or rejects a take that awaits review, by a second native speaker: someone whose languages include the
     * take's and who did not record it. An approval also retires the prompt's earlier approved takes (they become
     * rejected, still kept), so each prompt has one approved take.
     */
    public Review review(String id, PromptRecording.State verdict, String reviewerId, List<String> reviewerLanguages,
                         Instant at) {
        if (verdict == PromptRecording.State.RECORDED) {
            throw new IllegalArgumentException("a review approves or rejects");
        }
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            PromptRecordingsRecord row = t.selectFrom(PROMPT_RECORDINGS).where(PROMPT_RECORDINGS.ID.eq(id)).forUpdate()
                    .fetchOne();
            if (row == null || !PromptRecording.State.RECORDED.code().equals(row.getState())) {
                return Review.NOT_AWAITING;
            }
            if (row.getRecordedBy().equals(reviewerId)) {
                return Review.OWN_TAKE;
            }
            if (!reviewerLanguages.contains(row.getLanguageCode())) {
                return Review.NOT_THEIR_LANGUAGE;
            }
            OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
            if (verdict == PromptRecording.State.APPROVED) {
                t.update(PROMPT_RECORDINGS).set(PROMPT_RECORDINGS.STATE, PromptRecording.State.REJECTED.code())
                        .where(PROMPT_RECORDINGS.LANGUAGE_CODE.eq(row.getLanguageCode()))
                        .and(PROMPT_RECORDINGS.PROMPT_KEY.eq(row.getPromptKey()))
                        .and(PROMPT_RECORDINGS.STATE.eq(PromptRecording.State.APPROVED.code())).execute();
            }
            t.update(PROMPT_RECORDINGS).set(PROMPT_RECORDINGS.STATE, verdict.code())
                    .set(PROMPT_RECORDINGS.REVIEWED_BY, reviewerId).set(PROMPT_RECORDINGS.REVIEWED_AT, when)
                    .where(PROMPT_RECORDINGS.ID.eq(id)).execute();
            return Review.DONE;
        });
    }

    private static PromptRecording of(PromptRecordingsRecord r) {
        return new PromptRecording(r.getId(), r.getLanguageCode(), r.getPromptKey(), r.getTextRevision(),
                r.getFileName(), r.getLengthMs(), PromptRecording.Source.fromCode(r.getSource()),
                PromptRecording.State.fromCode(r.getState()), r.getRecordedBy(), r.getRecordedAt().toInstant(),
                r.getReviewedBy(), r.getReviewedAt() == null ? null : r.getReviewedAt().toInstant());
    }
}
