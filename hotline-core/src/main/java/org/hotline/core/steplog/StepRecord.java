package org.hotline.core.steplog;

import java.time.Instant;
import java.util.List;
import org.hotline.core.call.CallEnd;
import org.hotline.core.call.CallJournal;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.Language;
import org.hotline.core.call.NewCall;
import org.hotline.core.call.Purpose;

/**
 * One IVR record of a call, as the {@link StepLog} keeps it on disk and the {@link CallJournal} stores it. There is
 * no field for a caller number or name: a call enters with its pseudonym and country only.
 */
public sealed interface StepRecord {

    /** Our id of the call the record belongs to (null only for an end reported for a channel we never named). */
    String callId();

    /** Stores the record for the call the database knows as {@code storedId}. */
    void apply(CallJournal journal, String storedId);

    /**
     * Stores the record at a restart unless {@code storedSteps} (the call's steps in the database) shows it is
     * there already, so replaying a record twice changes nothing.
     */
    default void applyOnce(CallJournal journal, String storedId, List<CallStep> storedSteps) {
        if (!storedSteps.contains(marker())) {
            apply(journal, storedId);
        }
    }

    /** The step whose presence in the database shows this record was stored. */
    CallStep marker();

    /** The call's entry. Applying it returns the stored id, so it is applied through {@link #enter}. */
    record Entered(NewCall call) implements StepRecord {
        @Override
        public String callId() {
            return call.callId();
        }

        /** Stores the entry (idempotent on Asterisk's unique id) and returns the id the database knows it by. */
        public String enter(CallJournal journal) {
            return journal.enter(call);
        }

        @Override
        public void apply(CallJournal journal, String storedId) {
            journal.enter(call);
        }

        @Override
        public CallStep marker() {
            return CallStep.ENTERED;
        }
    }

    record LanguageChosen(String callId, Language language, Instant at) implements StepRecord {
        @Override
        public void apply(CallJournal journal, String storedId) {
            journal.languageChosen(storedId, language, at);
        }

        @Override
        public CallStep marker() {
            return CallStep.LANGUAGE_CHOSEN;
        }
    }

    /** The purpose, and with it the priority (emergency for the danger key). */
    record PurposeChosen(String callId, Purpose purpose, Instant at) implements StepRecord {
        @Override
        public void apply(CallJournal journal, String storedId) {
            journal.purposeChosen(storedId, purpose, at);
        }

        @Override
        public CallStep marker() {
            return CallStep.PURPOSE_CHOSEN;
        }
    }

    /** A step with no other data, such as {@link CallStep#QUEUED}. */
    record Reached(String callId, CallStep step, Instant at) implements StepRecord {
        @Override
        public void apply(CallJournal journal, String storedId) {
            journal.step(storedId, step, at);
        }

        @Override
        public CallStep marker() {
            return step;
        }
    }

    /** The caller was handed to the dialplan to ring {@code operatorTarget} (an operator's dial string). */
    record HandedOff(String callId, String operatorTarget, Instant at) implements StepRecord {
        @Override
        public void apply(CallJournal journal, String storedId) {
            journal.handedOff(storedId, operatorTarget, at);
        }

        @Override
        public CallStep marker() {
            return CallStep.HANDED_OFF;
        }
    }

    /** A voice message was recorded into {@code reference}, which is also the call's outcome. */
    record VoicemailLeft(String callId, String reference, Instant at) implements StepRecord {
        @Override
        public void apply(CallJournal journal, String storedId) {
            journal.voicemail(storedId, reference, at);
            journal.outcome(storedId, CallOutcome.VOICEMAIL, CallStep.VOICEMAIL, at);
        }

        @Override
        public void applyOnce(CallJournal journal, String storedId, List<CallStep> storedSteps) {
            if (!storedSteps.contains(CallStep.VOICEMAIL)) {
                journal.voicemail(storedId, reference, at);
            }
            journal.outcome(storedId, CallOutcome.VOICEMAIL, CallStep.VOICEMAIL, at);
        }

        @Override
        public CallStep marker() {
            return CallStep.VOICEMAIL;
        }
    }

    /** How the call left the IVR; the database keeps the first outcome, so applying it again changes nothing. */
    record Outcome(String callId, CallOutcome outcome, CallStep atStep, Instant at) implements StepRecord {
        @Override
        public void apply(CallJournal journal, String storedId) {
            journal.outcome(storedId, outcome, atStep, at);
        }

        @Override
        public void applyOnce(CallJournal journal, String storedId, List<CallStep> storedSteps) {
            apply(journal, storedId);
        }

        @Override
        public CallStep marker() {
            return atStep;
        }
    }

    /** The hangup handler's report; {@link CallJournal#ended} ignores a repeat. */
    record Ended(CallEnd end) implements StepRecord {
        @Override
        public String callId() {
            return end.callId();
        }

        @Override
        public void apply(CallJournal journal, String storedId) {
            journal.ended(storedId == null ? end : new CallEnd(end.asteriskUniqueId(), storedId, end.dialStatus(),
                    end.talkSeconds(), end.endedAt()));
        }

        @Override
        public void applyOnce(CallJournal journal, String storedId, List<CallStep> storedSteps) {
            apply(journal, storedId);
        }

        @Override
        public CallStep marker() {
            return CallStep.ENDED;
        }
    }
}
