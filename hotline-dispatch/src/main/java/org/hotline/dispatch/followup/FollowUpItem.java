package org.hotline.dispatch.followup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One open referral to follow up, as the follow-up list shows it.
 *
 * @param dueOn   the day its next step is due: the one set on it, or the default after it was made
 * @param dueSet  whether someone set that day (false: the default)
 * @param overdue still open after its due day
 */
record FollowUpItem(String referralId, String tipId, Instant tipCreatedAt, String authorId, String authorName,
                    String partnerName, String partnerCountry, String service, boolean consent, String consentBasis,
                    String status, Instant createdAt, LocalDate dueOn, boolean dueSet, boolean overdue) {
}
