package org.hotline.dispatch.voicemail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Voice messages left through the IVR, as tasks: a call with outcome voicemail and a recording is a task, which
 * exactly one operator can claim. Blocking: worker or virtual threads only.
 */
interface VoicemailTasks {

    /**
     * Unclaimed messages in {@code languages} (any language when null: the operator works with an interpreter) and
     * those the operator holds and has not finished, emergencies then oldest first.
     */
    List<VoicemailTask> openFor(String operatorId, java.util.Set<String> languages);

    /** A voice message by its call id, if the call left one. */
    Optional<Message> find(String callId);

    /**
     * Claims a message for the operator. Exactly one operator ever wins a message, however many try at once.
     *
     * @return whether {@code operatorId} holds it now
     */
    boolean claim(String callId, String operatorId, Instant at);

    /** Marks a message the operator holds as done; doing it again changes nothing. */
    void done(String callId, String operatorId, Instant at);

    /** Gives back a message the operator holds and has not finished, so others can claim it. */
    void release(String callId, String operatorId);

    /**
     * A stored voice message.
     *
     * @param claimant     who holds it, or null
     * @param voicemailRef the recording's file name as the IVR stored it; never taken from a request
     * @param language     the caller's language code
     */
    record Message(String callId, String claimant, String voicemailRef, String language) {
    }
}
