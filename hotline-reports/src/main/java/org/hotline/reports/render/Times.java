package org.hotline.reports.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one time rule of the reports: people read times in the hotline's zone, 24-hour ("2026-12-08 00:30"), with
 * the zone named once per page ({@link #zoneName}); CSVs, read by programs, carry ISO 8601 with the offset
 * ("2026-12-08T00:30:00+04:30").
 */
public final class Times {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Times() {
    }

    /** A time for people, in {@code zone}, to the minute. */
    public static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }

    /** A time for programs: ISO 8601 in {@code zone} with its offset, to the second. */
    public static String iso(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime().withNano(0));
    }

    /** The zone as a page names it once: "Asia/Kabul (UTC+04:30)", the offset of {@code at}. */
    public static String zoneName(ZoneId zone, Instant at) {
        return zone.getId() + " (UTC" + zone.getRules().getOffset(at).getId().replace("Z", "+00:00") + ")";
    }

    /** The zone named with its offset now. */
    public static String zoneName(ZoneId zone) {
        return zoneName(zone, Instant.now());
    }
}
