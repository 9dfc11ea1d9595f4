package org.hotline.dispatch.tips;

import java.time.Instant;
import java.util.List;

/** A tip as stored: its content, who wrote it and when, its referrals and its addenda (oldest first). */
record StoredTip(String id, String operatorId, Instant createdAt, TipContent content, boolean crossBorder,
                 List<StoredReferral> referrals, List<Addendum> addenda) {
    StoredTip {
        referrals = List.copyOf(referrals);
        addenda = List.copyOf(addenda);
    }
}
