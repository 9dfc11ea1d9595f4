package org.hotline.reports.retention;

/**
 * What one retention run removed.
 *
 * @param tipSummaries   tip summaries cleared
 * @param voicemailAudio voice messages whose audio was deleted
 * @param calls          call rows deleted (with their steps)
 * @param operatorStates operator state rows deleted
 * @param auditEvents    audit rows deleted
 */
public record PurgeCounts(long tipSummaries, long voicemailAudio, long calls, long operatorStates, long auditEvents) {
}
