package org.hotline.core.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every call and its steps. Blocking: call it from virtual or worker threads.
 * Writes keyed on Asterisk's unique id are idempotent, and an outcome, once set, is never overwritten, so
 * the IVR and the hangup handler can both report without double counting.
 */
public interface CallJournal {

    /** Records a new call and its {@link CallStep#ENTERED} step; a repeat of the same unique id returns the first id. */
    String enter(NewCall call);

    void languageChosen(String callId, Language language, Instant at);

    void purposeChosen(String callId, Purpose purpose, Instant at);

    /** Records a step with no other data, such as {@link CallStep#QUEUED}. */
    void step(String callId, CallStep step, Instant at);

    /** The IVR handed the caller to the dialplan to ring {@code operatorTarget}. */
    void handedOff(String callId, String operatorTarget, Instant at);

    /** A voice message was recorded into {@code reference} (a file name under the voicemail directory). */
    void voicemail(String callId, String reference, Instant at);

    /**
     * Dispatch offered the call to an operator.
     *
     * @throws org.hotline.core.storage.NotYetStored when the IVR has not stored the call's entry yet
     */
    void offered(String callId, Instant at);

    /**
     * The operator who took the call (the IVR confirmed the hand-off).
     *
     * @throws org.hotline.core.storage.NotYetStored when the IVR has not stored the call's entry yet
     */
    void assigned(String callId, String operatorId);

    /**
     * How many calls from the same pseudonymous caller came before {@code before}: a count only, so an operator
     * can see a returning caller without learning anything else about them.
     */
    int earlierCalls(String pseudonym, Instant before);

    /**
     * How many calls from the same pseudonymous caller came before call {@code callId}, counting the caller under
     * every pseudonym key that was live when the call came (so a rotation does not break the link during its
     * overlap): a count only, for the operator's "earlier calls from this caller".
     */
    int earlierCallsOf(String callId);

    /** Sets the outcome unless the call already has one; returns whether this call set it. */
    boolean outcome(String callId, CallOutcome outcome, CallStep atStep, Instant at);

    /**
     * The hangup handler's report; decides the outcome if nothing has yet. A report for a channel the IVR never
     * named (no call id) and never stored changes nothing. A call a restart closed as failed (its server died
     * after handing the caller over, before recording it) that Asterisk reports answered becomes answered.
     *
     * @throws org.hotline.core.storage.NotYetStored when the IVR named the call but has not stored its entry yet
     */
    void ended(CallEnd end);

    /**
     * Closes calls that a previous run of this server left in the IVR (killed mid-call): they get
     * {@link CallOutcome#FAILED} at the step they had reached. Calls already handed to the dialplan are left
     * for their hangup handler.
     *
     * @return how many calls were closed
     */
    int closeInterrupted(Instant enteredBefore, Instant at);

    /**
     * {@link #closeInterrupted} for the calls of another IVR node, which left the cluster: their callers' dialplans
     * have fallen back to the human queue.
     */
    int closeInterruptedOf(String ivrNode, Instant enteredBefore, Instant at);

    /**
     * Calls waiting for an operator on the given IVR nodes: queued since {@code queuedSince}, not handed off, not
     * ended. A new routing owner rebuilds its queue from them (their IVRs also re-send their intakes).
     */
    java.util.List<org.hotline.core.bus.CallIntake> waitingOn(java.util.Set<String> ivrNodes, Instant queuedSince);

    /**
     * Calls whose caller accepted a callback that is still owed (step {@code callback-requested}, no outcome, not
     * handed off), queued since {@code queuedSince}: a restarted routing owner puts them back in the queue.
     */
    default java.util.List<org.hotline.core.bus.CallIntake> callbacksOwed(Instant queuedSince) {
        return java.util.List.of();
    }

    Optional<CallSummary> find(String callId);

    /** How many calls that entered since {@code since} ended with each outcome (counted in the database). */
    java.util.Map<CallOutcome, Integer> outcomesSince(Instant since);

    /** The call of an Asterisk channel, by its unique id. */
    Optional<CallSummary> findByAsteriskId(String asteriskUniqueId);

    List<CallStep> steps(String callId);
}
