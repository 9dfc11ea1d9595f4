package org.hotline.reports.figures;

import java.util.OptionalDouble;

/**
 * One operator's figures over a period.
 *
 * @param name             the operator's display name (staff, not callers: reports never name a caller)
 * @param callsHandled     answered calls they took
 * @param talked           of which with a talk time
 * @param talkSeconds      the sum of those talk times
 * @param availableSeconds time spent in the available state
 */
public record OperatorRow(String name, long callsHandled, long talked, long talkSeconds, long availableSeconds) {
    public OptionalDouble averageHandleSeconds() {
        return talked == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) talkSeconds / talked);
    }
}
