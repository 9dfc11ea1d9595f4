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
import org.jooq.SQLDialect;
import org.jooq.impl.CustomField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The few expressions the figures need on both H2 (PostgreSQL mode) and PostgreSQL: time differences in
 * microseconds, and conditional counts and sums. Constants are inlined so neither database has to guess the type
 * of a bind parameter inside a CASE.
 */
final class Sql {
    private Sql() {
    }

    /** Microseconds in a second, and in an hour. */
    static final long SECOND_US = 1_000_000L;
    static final long HOUR_US = 3_600L * SECOND_US;

    /**
     * Microseconds from {@code from} to {@code to}: exact, as both databases keep timestamps to the microsecond.
     * H2 has DATEDIFF, which works on the stored value directly; arithmetic on EXTRACT(EPOCH ...) builds two
     * NUMERICs per row instead and made most of a busy day's fold. PostgreSQL's epoch is an exact NUMERIC, and
     * the difference of two of them is cheap there.
     */
    static Field<Long> micros(Field<OffsetDateTime> from, Field<OffsetDateTime> to) {
        return CustomField.of("micros", SQLDataType.BIGINT, ctx -> ctx.visit(ctx.family() == SQLDialect.H2
                ? DSL.function("datediff", SQLDataType.BIGINT, inline("MICROSECOND"), from, to)
                : epoch(to).minus(epoch(from)).times(inline(SECOND_US)).cast(SQLDataType.BIGINT)));
    }

    private static Field<BigDecimal> epoch(Field<OffsetDateTime> time) {
        return DSL.extract(time, DatePart.EPOCH).coerce(SQLDataType.NUMERIC);
    }

    /** Microseconds as whole milliseconds, half up. */
    static long millis(long micros) {
        return Math.floorDiv(micros + 500, 1000);
    }

    /** Microseconds as whole seconds, half up. */
    static long seconds(long micros) {
        return Math.floorDiv(micros + SECOND_US / 2, SECOND_US);
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
