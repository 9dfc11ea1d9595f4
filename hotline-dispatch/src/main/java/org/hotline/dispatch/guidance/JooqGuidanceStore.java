package org.hotline.dispatch.guidance;

import static org.hotline.core.db.Tables.GUIDANCE_TEXTS;
import static org.hotline.core.db.Tables.OPERATORS;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

/** {@link GuidanceStore} over jOOQ. Versions are only ever inserted; an edit and its audit row commit together. */
final class JooqGuidanceStore implements GuidanceStore {
    static final String CHANGED_MEANWHILE =
            "Someone else saved this text since you opened it. Reload to see their version, then edit that.";

    private final DSLContext dsl;

    JooqGuidanceStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<StoredText> current(Collection<String> languages) {
        Field<Integer> newest = DSL.max(GUIDANCE_TEXTS.VERSION).as("newest");
        Table<?> latest = DSL.select(GUIDANCE_TEXTS.PURPOSE, GUIDANCE_TEXTS.TOPIC, GUIDANCE_TEXTS.LANGUAGE_CODE, newest)
                .from(GUIDANCE_TEXTS).where(GUIDANCE_TEXTS.LANGUAGE_CODE.in(languages))
                .groupBy(GUIDANCE_TEXTS.PURPOSE, GUIDANCE_TEXTS.TOPIC, GUIDANCE_TEXTS.LANGUAGE_CODE).asTable("latest");
        return select(dsl).from(GUIDANCE_TEXTS)
                .join(latest).on(GUIDANCE_TEXTS.PURPOSE.eq(latest.field(GUIDANCE_TEXTS.PURPOSE))
                        .and(GUIDANCE_TEXTS.TOPIC.eq(latest.field(GUIDANCE_TEXTS.TOPIC)))
                        .and(GUIDANCE_TEXTS.LANGUAGE_CODE.eq(latest.field(GUIDANCE_TEXTS.LANGUAGE_CODE)))
                        .and(GUIDANCE_TEXTS.VERSION.eq(latest.field(newest))))
                .leftJoin(OPERATORS).on(OPERATORS.ID.eq(GUIDANCE_TEXTS.CREATED_BY))
                .fetch(JooqGuidanceStore::text);
    }

    @Override
    public List<StoredText> history(GuidanceSlot slot, String language) {
        return history(dsl, slot, language);
    }

    private static List<StoredText> history(DSLContext db, GuidanceSlot slot, String language) {
        return select(db).from(GUIDANCE_TEXTS)
                .leftJoin(OPERATORS).on(OPERATORS.ID.eq(GUIDANCE_TEXTS.CREATED_BY))
                .where(of(slot, language))
                .orderBy(GUIDANCE_TEXTS.VERSION.desc())
                .fetch(JooqGuidanceStore::text);
    }

    private static org.jooq.SelectSelectStep<?> select(DSLContext db) {
        return db.select(GUIDANCE_TEXTS.PURPOSE, GUIDANCE_TEXTS.TOPIC, GUIDANCE_TEXTS.LANGUAGE_CODE,
                GUIDANCE_TEXTS.VERSION, GUIDANCE_TEXTS.BODY, GUIDANCE_TEXTS.CREATED_AT, GUIDANCE_TEXTS.CREATED_BY,
                OPERATORS.DISPLAY_NAME);
    }

    private static StoredText text(Record r) {
        return new StoredText(new GuidanceSlot(r.get(GUIDANCE_TEXTS.PURPOSE), r.get(GUIDANCE_TEXTS.TOPIC)),
                r.get(GUIDANCE_TEXTS.LANGUAGE_CODE), r.get(GUIDANCE_TEXTS.VERSION), r.get(GUIDANCE_TEXTS.BODY),
                r.get(GUIDANCE_TEXTS.CREATED_AT).toInstant(), r.get(GUIDANCE_TEXTS.CREATED_BY),
                r.get(OPERATORS.DISPLAY_NAME));
    }

    @Override
    public StoredText edit(GuidanceSlot slot, String language, int baseVersion, String body, SignedIn who,
                           Instant at) {
        try {
            return dsl.transactionResult(tx -> {
                DSLContext db = tx.dsl();
                var newest = db.select(GUIDANCE_TEXTS.VERSION, GUIDANCE_TEXTS.BODY).from(GUIDANCE_TEXTS)
                        .where(of(slot, language)).orderBy(GUIDANCE_TEXTS.VERSION.desc()).limit(1).fetchOptional();
                int current = newest.map(r -> r.value1()).orElse(0);
                if (current != baseVersion) {
                    throw ApiError.conflict(CHANGED_MEANWHILE);
                }
                if (newest.isPresent() && newest.get().value2().equals(body)) {
                    throw ApiError.badRequest("text", "The text is unchanged.");
                }
                int version = current + 1;
                db.insertInto(GUIDANCE_TEXTS)
                        .set(GUIDANCE_TEXTS.PURPOSE, slot.purpose())
                        .set(GUIDANCE_TEXTS.TOPIC, slot.topic())
                        .set(GUIDANCE_TEXTS.LANGUAGE_CODE, language)
                        .set(GUIDANCE_TEXTS.VERSION, version)
                        .set(GUIDANCE_TEXTS.BODY, body)
                        .set(GUIDANCE_TEXTS.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                        .set(GUIDANCE_TEXTS.CREATED_BY, who.operatorId())
                        .execute();
                // In the edit's transaction: an edit is never saved without its audit row, nor audited unsaved.
                new JooqAuditTrail(db).record(AuditEvent.by(at, who.operatorId(), who.role(),
                        AuditAction.GUIDANCE_EDITED, auditSubject(slot, language, version)));
                return history(db, slot, language).getFirst();
            });
        } catch (DataAccessException e) {
            if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                // Another manager's save of the same version committed first.
                throw ApiError.conflict(CHANGED_MEANWHILE);
            }
            throw e;
        }
    }

    /** What the audit row names: the text and its new version, e.g. {@code danger/q-injured/en@2}. */
    static String auditSubject(GuidanceSlot slot, String language, int version) {
        return slot.key(language) + "@" + version;
    }

    private static Condition of(GuidanceSlot slot, String language) {
        return GUIDANCE_TEXTS.PURPOSE.eq(slot.purpose()).and(GUIDANCE_TEXTS.TOPIC.eq(slot.topic()))
                .and(GUIDANCE_TEXTS.LANGUAGE_CODE.eq(language));
    }
}
