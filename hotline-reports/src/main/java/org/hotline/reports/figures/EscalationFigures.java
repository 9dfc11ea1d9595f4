package org.hotline.reports.figures;

import static org.hotline.core.db.Tables.ESCALATIONS;
import static org.hotline.reports.figures.Sql.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * On-call escalations started in the period (issue 16): how many, why, how each ended, and how long the duty list
 * took to acknowledge. Ids and times only; the duty list and its phones are not read.
 *
 * @param byKind           by EscalationNeeded kind, most first
 * @param byState          by how it ended (acknowledged, exhausted, stopped; paging while still going), most first
 * @param medianToAcknowledge the median time from the start to the 1 being pressed, or null when none was
 * @param longestToAcknowledge the longest such time, or null
 */
public record EscalationFigures(List<Keyed<String, Long>> byKind, List<Keyed<String, Long>> byState,
                                Duration medianToAcknowledge, Duration longestToAcknowledge) {

    public long total() {
        return byKind.stream().mapToLong(Keyed::value).sum();
    }

    static EscalationFigures load(DSLContext dsl, Period period) {
        var e = ESCALATIONS;
        Condition inPeriod = e.STARTED_AT.ge(at(period.start())).and(e.STARTED_AT.lt(at(period.end())));
        Map<String, Long> kinds = new HashMap<>();
        Map<String, Long> states = new HashMap<>();
        List<Duration> waits = new ArrayList<>();
        dsl.select(e.KIND, e.STATE, e.STARTED_AT, e.ACKNOWLEDGED_AT).from(e).where(inPeriod).forEach(r -> {
            kinds.merge(r.value1(), 1L, Long::sum);
            states.merge(r.value2(), 1L, Long::sum);
            if (r.value4() != null) {
                waits.add(Duration.between(r.value3(), r.value4()));
            }
        });
        waits.sort(null);
        return new EscalationFigures(Keyed.mostFirst(kinds), Keyed.mostFirst(states),
                waits.isEmpty() ? null : waits.get((waits.size() - 1) / 2),
                waits.isEmpty() ? null : waits.getLast());
    }
}
