package org.hotline.agi.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClosedAnnouncementTest {
    private static final ZoneId KABUL = ZoneId.of("Asia/Kabul");

    private static Instant kabul(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KABUL).toInstant();
    }

    @Test
    void todayTomorrowOrTheWeekdayThenTheHour() {
        // 2027-03-01 is a Monday.
        assertThat(ClosedAnnouncement.files(kabul("2027-03-01T13:00"), kabul("2027-03-01T12:10"), KABUL))
                .containsExactly("hotline/closed-now", "hotline/day-today", "hotline/hour-13");
        assertThat(ClosedAnnouncement.files(kabul("2027-03-02T08:00"), kabul("2027-03-01T23:59"), KABUL))
                .containsExactly("hotline/closed-now", "hotline/day-tomorrow", "hotline/hour-8");
        assertThat(ClosedAnnouncement.files(kabul("2027-03-06T00:00"), kabul("2027-03-01T20:00"), KABUL))
                .containsExactly("hotline/closed-now", "hotline/day-sat", "hotline/hour-0");
    }

    @Test
    void anOpeningMoreThanSixDaysAwayOrNoneIsNotAnnounced() {
        assertThat(ClosedAnnouncement.files(kabul("2027-03-08T08:00"), kabul("2027-03-01T20:00"), KABUL))
                .containsExactly("hotline/closed");
        assertThat(ClosedAnnouncement.files(null, kabul("2027-03-01T20:00"), KABUL)).containsExactly("hotline/closed");
    }

    @Test
    void theDayIsCountedInTheHotlinesZoneNotUtc() {
        // 23:00 UTC on Monday is already 03:30 on Tuesday in Kabul: an 08:00 Tuesday opening is "today".
        Instant now = Instant.parse("2027-03-01T23:00:00Z");
        assertThat(ClosedAnnouncement.files(kabul("2027-03-02T08:00"), now, KABUL))
                .containsExactly("hotline/closed-now", "hotline/day-today", "hotline/hour-8");
    }
}
