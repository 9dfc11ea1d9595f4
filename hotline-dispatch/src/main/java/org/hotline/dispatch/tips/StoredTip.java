package org.hotline.dispatch.tips;

import java.time.Instant;
import java.util.List;

/** A tip as stored: its content, who wrote it and when, and its referrals. */
record StoredTip(String id, String operatorId, Instant createdAt, TipContent content, boolean crossBorder,
                 List<StoredReferral> referrals) {
    StoredTip {
        referrals = List.copyOf(referrals);
    }
}
