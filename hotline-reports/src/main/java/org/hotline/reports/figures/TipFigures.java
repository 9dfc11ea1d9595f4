package org.hotline.reports.figures;

import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.reports.figures.Sql.at;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * What the tips of a period were about, counted in the database by their coded fields. The summary column is
 * never selected: no free text reaches a report.
 *
 * @param tips             tips written in the period
 * @param crossBorder      of which touch more than one country
 * @param byContactType    substantive, silent, prank and so on
 * @param bySignal         crisis, tip, help request, information request, out of scope
 * @param byTraffickingType labour, sexual, both, other
 * @param byForm           the form of exploitation
 * @param byCountry        the country of the situation
 * @param byRegion         the province or region of the situation
 */
public record TipFigures(long tips, long crossBorder, List<Keyed<String, Long>> byContactType,
                         List<Keyed<String, Long>> bySignal, List<Keyed<String, Long>> byTraffickingType,
                         List<Keyed<String, Long>> byForm, List<Keyed<String, Long>> byCountry,
                         List<Keyed<String, Long>> byRegion) {

    /** The coded columns counted, in the order of the record's lists. */
    private static final List<Field<String>> COLUMNS = List.of(TIPS.CONTACT_TYPE, TIPS.SIGNAL_TYPE,
            TIPS.TRAFFICKING_TYPE, TIPS.EXPLOITATION_FORM, TIPS.COUNTRY, TIPS.REGION);

    /**
     * One pass over the period's tips: the database counts them per combination of every coded column (a few
     * hundred groups on a busy day), and each breakdown adds those counts up by one column: one read of each tip
     * instead of seven, one per breakdown.
     */
    static TipFigures load(DSLContext dsl, Period period) {
        var inPeriod = TIPS.CREATED_AT.ge(at(period.start())).and(TIPS.CREATED_AT.lt(at(period.end())));
        List<Map<String, Long>> counts = new ArrayList<>();
        COLUMNS.forEach(c -> counts.add(new HashMap<>()));
        long[] totals = new long[2];
        List<Field<?>> select = new ArrayList<>(COLUMNS);
        select.add(TIPS.CROSS_BORDER);
        select.add(DSL.count());
        dsl.select(select).from(TIPS).where(inPeriod).groupBy(select.subList(0, select.size() - 1))
                .forEach(r -> {
                    long n = r.get(select.size() - 1, Integer.class);
                    totals[0] += n;
                    totals[1] += Boolean.TRUE.equals(r.get(TIPS.CROSS_BORDER)) ? n : 0;
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        counts.get(i).merge(r.get(COLUMNS.get(i)), n, Long::sum);
                    }
                });
        List<List<Keyed<String, Long>>> by = counts.stream().map(Keyed::mostFirst).toList();
        return new TipFigures(totals[0], totals[1], by.get(0), by.get(1), by.get(2), by.get(3), by.get(4), by.get(5));
    }
}
