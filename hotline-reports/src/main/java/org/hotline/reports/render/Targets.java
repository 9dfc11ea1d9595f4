package org.hotline.reports.render;

import java.time.Duration;

/**
 * The service targets a report shows the figures against (DOMAIN.md: at least 90 % answered, at most 5 %
 * abandoned not counting abandons under 5 s, an average answer within 45 s).
 *
 * @param answeredPercent   the least share of calls asking for an operator that should be answered
 * @param abandonedPercent  the greatest share that may be abandoned in the queue
 * @param averageAnswer     the longest average speed of answer
 */
public record Targets(double answeredPercent, double abandonedPercent, Duration averageAnswer) {
    public static final Targets DEFAULT = new Targets(90, 5, Duration.ofSeconds(45));
}
