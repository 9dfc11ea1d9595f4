package org.hotline.core.call;

import java.time.Instant;

/** One stored call, as read back for checks and reports. No caller data beyond the pseudonym and country. */
public record CallSummary(String callId, String asteriskUniqueId, String language, String purpose, String priority,
                          String pseudonym, String country, CallStep step, CallOutcome outcome,
                          CallStep outcomeStep, String operatorTarget, String voicemailRef, String dialStatus,
                          Integer talkSeconds, Instant enteredAt, Instant endedAt) {
}
