package org.hotline.dispatch.tips;

import java.time.Instant;
import java.util.Optional;

/**
 * The tip form of a call as the operator types it, saved as they go, so a reload, a second tab, a network blip
 * or a new sign-in finds it again. Blocking: worker or virtual threads only.
 */
interface TipDrafts {

    /** The operator's draft for a call, if any. */
    Optional<Draft> find(String operatorId, String callId);

    /**
     * Stores the operator's draft of a call's tip, replacing the last one. The tip id is fixed by the first save
     * ({@code proposedTipId}); later saves keep it, so every tab submits the same tip.
     *
     * @throws org.hotline.dispatch.api.ApiError 409 when the call's tip is already saved, 403 when the call is
     *         not the operator's, 503 while routing still records who took it
     */
    Draft save(String operatorId, String callId, String proposedTipId, String content, Instant at);

    /** The operator's drafts, newest first, without their content: the tips they have not finished. */
    java.util.List<Draft> list(String operatorId);

    /** The id of the tip the operator saved for a call, if any. */
    Optional<String> savedTip(String operatorId, String callId);

    /**
     * @param content the form as JSON text, as the screen sent it
     */
    record Draft(String callId, String tipId, String content, Instant updatedAt) {
        /** Never log what the operator typed. */
        @Override
        public String toString() {
            return "Draft[callId=" + callId + ", tipId=" + tipId + ", content=(hidden)]";
        }
    }
}
