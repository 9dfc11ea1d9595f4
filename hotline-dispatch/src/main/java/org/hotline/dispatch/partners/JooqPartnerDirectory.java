package org.hotline.dispatch.partners;

import static org.hotline.core.db.Tables.PARTNERS;
import static org.hotline.core.db.Tables.PARTNER_LANGUAGES;
import static org.hotline.core.db.Tables.PARTNER_SERVICES;

import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** {@link PartnerDirectory} over jOOQ: one read transaction per search. */
final class JooqPartnerDirectory implements PartnerDirectory {
    private final DSLContext dsl;

    JooqPartnerDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<Partner> search(PartnerQuery query) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Condition where = DSL.noCondition();
            if (query.country() != null) {
                where = where.and(PARTNERS.COUNTRY.eq(query.country().code()));
            }
            if (query.service() != null) {
                where = where.and(DSL.exists(DSL.selectOne().from(PARTNER_SERVICES)
                        .where(PARTNER_SERVICES.PARTNER_ID.eq(PARTNERS.ID))
                        .and(PARTNER_SERVICES.SERVICE.eq(query.service().code()))));
            }
            if (query.language() != null) {
                where = where.and(DSL.exists(DSL.selectOne().from(PARTNER_LANGUAGES)
                        .where(PARTNER_LANGUAGES.PARTNER_ID.eq(PARTNERS.ID))
                        .and(PARTNER_LANGUAGES.LANGUAGE_CODE.eq(query.language().code()))));
            }
            var partners = db.selectFrom(PARTNERS).where(where).orderBy(PARTNERS.COUNTRY, PARTNERS.NAME).fetch();
            List<String> ids = partners.getValues(PARTNERS.ID);
            Map<String, List<String>> services = db.select(PARTNER_SERVICES.PARTNER_ID, PARTNER_SERVICES.SERVICE)
                    .from(PARTNER_SERVICES).where(PARTNER_SERVICES.PARTNER_ID.in(ids))
                    .orderBy(PARTNER_SERVICES.SERVICE)
                    .fetchGroups(PARTNER_SERVICES.PARTNER_ID, PARTNER_SERVICES.SERVICE);
            Map<String, List<String>> languages = db
                    .select(PARTNER_LANGUAGES.PARTNER_ID, PARTNER_LANGUAGES.LANGUAGE_CODE).from(PARTNER_LANGUAGES)
                    .where(PARTNER_LANGUAGES.PARTNER_ID.in(ids))
                    .orderBy(PARTNER_LANGUAGES.LANGUAGE_CODE)
                    .fetchGroups(PARTNER_LANGUAGES.PARTNER_ID, PARTNER_LANGUAGES.LANGUAGE_CODE);
            return partners.map(p -> new Partner(p.getId(), p.getName(), p.getCountry(), p.getCity(), p.getKind(),
                    services.getOrDefault(p.getId(), List.of()), languages.getOrDefault(p.getId(), List.of()),
                    "confirmed".equals(p.getServicesStatus())));
        });
    }
}
