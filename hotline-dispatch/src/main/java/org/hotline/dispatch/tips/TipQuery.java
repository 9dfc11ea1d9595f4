package org.hotline.dispatch.tips;

import java.time.Instant;
import org.hotline.core.tip.Country;
import org.hotline.core.tip.Signal;
import org.hotline.core.tip.TraffickingType;
import org.hotline.core.tip.Urgency;

/**
 * Filters of the tip list; each null filter matches everything.
 *
 * @param operatorId only this author's tips (always set for operators), or null for all
 * @param from       created at or after
 * @param until      created before
 * @param limit      at most this many rows, newest first
 */
record TipQuery(String operatorId, Instant from, Instant until, Signal signal, TraffickingType traffickingType,
                Country country, Urgency urgency, int limit) {
}
