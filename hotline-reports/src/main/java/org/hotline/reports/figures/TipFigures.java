package org.hotline.reports.figures;

import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.reports.figures.Sql.utc;

import java.util.List;
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

    static TipFigures load(DSLContext dsl, Period period) {
        var inPeriod = TIPS.CREATED_AT.ge(utc(period.start())).and(TIPS.CREATED_AT.lt(utc(period.end())));
        var totals = dsl.select(DSL.count(), Sql.countIf(TIPS.CROSS_BORDER.isTrue())).from(TIPS).where(inPeriod)
                .fetchSingle();
        return new TipFigures(totals.value1(), totals.value2(),
                countBy(dsl, inPeriod, TIPS.CONTACT_TYPE), countBy(dsl, inPeriod, TIPS.SIGNAL_TYPE),
                countBy(dsl, inPeriod, TIPS.TRAFFICKING_TYPE), countBy(dsl, inPeriod, TIPS.EXPLOITATION_FORM),
                countBy(dsl, inPeriod, TIPS.COUNTRY), countBy(dsl, inPeriod, TIPS.REGION));
    }

    /** Tips per value of one coded column, most frequent first; a null key means "not recorded". */
    static List<Keyed<String, Long>> countBy(DSLContext dsl, org.jooq.Condition where, Field<String> column) {
        Field<Integer> count = DSL.count();
        return dsl.select(column, count).from(TIPS).where(where).groupBy(column)
                .orderBy(count.desc(), column.asc().nullsLast())
                .fetch(r -> new Keyed<>(r.value1(), r.value2().longValue()));
    }
}
