package org.hotline.reports.figures;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The few expressions the figures need that H2 (PostgreSQL mode) and PostgreSQL spell the same way through jOOQ:
 * epoch seconds with their fraction, millisecond differences, and conditional counts. Constants are inlined so
 * neither database has to guess the type of a bind parameter inside a CASE.
 */
final class Sql {
    private Sql() {
    }

    /** Seconds since 1970 with the fraction kept (EXTRACT(EPOCH ...) is NUMERIC on both databases). */
    static Field<BigDecimal> epoch(Field<OffsetDateTime> time) {
        return DSL.extract(time, DatePart.EPOCH).coerce(SQLDataType.NUMERIC);
    }

    static Field<BigDecimal> epoch(Instant instant) {
        return inline(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
    }

    /** Seconds (with a fraction) as whole milliseconds, 0 when null. */
    static Field<Long> millis(Field<BigDecimal> seconds) {
        return DSL.coalesce(DSL.round(seconds.times(inline(1000))), inline(BigDecimal.ZERO)).cast(SQLDataType.BIGINT);
    }

    /** Seconds (with a fraction) as whole milliseconds, null when null. */
    static Field<Long> millisOrNull(Field<BigDecimal> seconds) {
        return DSL.round(seconds.times(inline(1000))).cast(SQLDataType.BIGINT);
    }

    /** 1 for each row where the condition holds, summed. */
    static Field<Integer> countIf(Condition condition) {
        return DSL.coalesce(sum(when(condition, inline(1)).else_(inline(0))), inline(BigDecimal.ZERO))
                .cast(SQLDataType.INTEGER);
    }

    /** The sum of {@code value} over rows where the condition holds, 0 when none. */
    static Field<Long> sumIf(Condition condition, Field<? extends Number> value) {
        return DSL.coalesce(sum(when(condition, value)), inline(BigDecimal.ZERO)).cast(SQLDataType.BIGINT);
    }

    static Field<Long> sumOf(Field<? extends Number> value) {
        return DSL.coalesce(sum(value), inline(BigDecimal.ZERO)).cast(SQLDataType.BIGINT);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    /**
     * An instant as a timestamp literal. A bind value would do the same job, but jOOQ binds it to H2 as text inside
     * a CAST, and H2 parses that text again for every row it compares: on a busy day most of the time went into
     * parsing the day's two bounds. A literal is parsed once. (The value is our own clock's, never input.)
     */
    static Field<OffsetDateTime> at(Instant instant) {
        return inline(utc(instant));
    }
}
