package org.hotline.dispatch.tips;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tips and the referrals made with them. Blocking: worker or virtual threads only. */
interface TipStore {

    /**
     * Saves a tip with its referrals and their first status, all in one transaction, and returns what was
     * stored. A tip id already saved by the same operator returns the stored tip unchanged ({@code created}
     * false), however often and however concurrently it is repeated.
     *
     * @throws org.hotline.dispatch.api.ApiError 400 when the call is not one the operator handled or a partner is
     *         not in the directory, 409 when another operator's tip already has this id or the call already has
     *         another tip (one tip per call); the draft of the call is deleted with the save
     */
    SaveResult save(NewTip tip, String operatorId, Instant at);

    Optional<StoredTip> find(String tipId);

    /** List rows, newest first; never a summary. */
    List<TipRow> list(TipQuery query);
}
