package org.hotline.reports.figures;

import java.util.OptionalDouble;

/**
 * The call figures of one slice of a period (all of it, one language, one hour, one day), summed from the daily
 * aggregates. Rates follow the definitions printed with the report:
 * <ul>
 *   <li>calls that asked for an operator: offered, less those abandoned in the menu and those abandoned in the
 *       queue within 5 s;</li>
 *   <li>answered and abandoned rates are shares of those;</li>
 *   <li>service level within 20 s or 60 s: of answered calls, and of answered plus abandoned in the queue (short
 *       abandons left out of both);</li>
 *   <li>average speed of answer: the mean wait of answered calls, from queued to hand-off.</li>
 * </ul>
 */
public record CallCounts(long offered, long answered, long abandonedInMenu, long abandonedInQueue, long abandonedShort,
                         long voicemail, long closed, long fallback, long failed, long inProgress, long answeredWaited,
                         long answeredWithin20s, long answeredWithin60s, long answerWaitMs, Long longestWaitMs,
                         long talked, long talkSeconds) {

    public static final CallCounts NONE = new CallCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0);

    /** Calls that asked for an operator: the base of the answered and abandoned rates. */
    public long askedForOperator() {
        return offered - abandonedInMenu - abandonedShort;
    }

    /** Abandoned in the queue after waiting 5 s or more. */
    public long abandonedCounted() {
        return abandonedInQueue - abandonedShort;
    }

    public OptionalDouble answeredRate() {
        return share(answered, askedForOperator());
    }

    public OptionalDouble abandonedRate() {
        return share(abandonedCounted(), askedForOperator());
    }

    public OptionalDouble serviceLevel20OfAnswered() {
        return share(answeredWithin20s, answered);
    }

    public OptionalDouble serviceLevel60OfAnswered() {
        return share(answeredWithin60s, answered);
    }

    public OptionalDouble serviceLevel20OfAnsweredAndAbandoned() {
        return share(answeredWithin20s, answered + abandonedCounted());
    }

    public OptionalDouble serviceLevel60OfAnsweredAndAbandoned() {
        return share(answeredWithin60s, answered + abandonedCounted());
    }

    /** Average speed of answer in seconds, over answered calls whose wait is known. */
    public OptionalDouble averageAnswerSeconds() {
        return answeredWaited == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(answerWaitMs / 1000.0 / answeredWaited);
    }

    /** Average handle (talk) time in seconds. */
    public OptionalDouble averageHandleSeconds() {
        return talked == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) talkSeconds / talked);
    }

    /** The base count behind each rate, for deciding whether a rate may be shown. */
    public long answeredAndAbandoned() {
        return answered + abandonedCounted();
    }

    /** A share in percent; empty when there is nothing to divide by. */
    static OptionalDouble share(long part, long whole) {
        return whole <= 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * part / whole);
    }
}
