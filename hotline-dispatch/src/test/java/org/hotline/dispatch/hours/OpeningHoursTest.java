package org.hotline.dispatch.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.IntakeReply;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.Language;
import org.hotline.core.call.Purpose;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
    private static final ZoneId KABUL = ZoneId.of("Asia/Kabul");
    // 2027-03-01 is a Monday.
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    private static Interval at(String from, String to) {
        return new Interval(minutes(from), minutes(to));
    }

    private static int minutes(String hhmm) {
        String[] parts = hhmm.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    private static Instant kabul(LocalDate day, String hhmm) {
        return LocalDateTime.of(day, java.time.LocalTime.parse(hhmm)).atZone(KABUL).toInstant();
    }

    /** Saturday to Wednesday 08:00-12:00 and 13:00-16:30, Thursday 08:00-12:00, Friday closed. */
    private static Map<DayOfWeek, List<Interval>> officeWeek() {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY)) {
            week.put(day, List.of(at("13:00", "16:30"), at("08:00", "12:00")));
        }
        week.put(DayOfWeek.THURSDAY, List.of(at("08:00", "12:00")));
        return week;
    }

    @Test
    void withNoScheduleItIsOpenAroundTheClock() {
        OpeningHours hours = OpeningHours.aroundTheClock(KABUL);
        assertThat(hours.isOpen(kabul(MONDAY, "03:17"))).isTrue();
        assertThat(hours.nextOpening(kabul(MONDAY, "03:17"))).contains(kabul(MONDAY, "03:17"));
    }

    @Test
    void severalIntervalsADayOpenAndCloseAtTheirEdges() {
        OpeningHours hours = new OpeningHours(KABUL, officeWeek(), Map.of());
        assertThat(hours.isOpen(kabul(MONDAY, "07:59"))).isFalse();
        assertThat(hours.isOpen(kabul(MONDAY, "08:00"))).isTrue();
        assertThat(hours.isOpen(kabul(MONDAY, "11:59"))).isTrue();
        assertThat(hours.isOpen(kabul(MONDAY, "12:00"))).as("the end is exclusive").isFalse();
        assertThat(hours.isOpen(kabul(MONDAY, "13:00"))).isTrue();
        assertThat(hours.isOpen(kabul(MONDAY, "16:29"))).isTrue();
        assertThat(hours.isOpen(kabul(MONDAY, "16:30"))).isFalse();
        assertThat(hours.isOpen(kabul(MONDAY.plusDays(4), "10:00"))).as("Friday is closed").isFalse();
    }

    @Test
    void theNextOpeningIsTheLunchBreaksEndOrTheNextMorning() {
        OpeningHours hours = new OpeningHours(KABUL, officeWeek(), Map.of());
        assertThat(hours.nextOpening(kabul(MONDAY, "12:10"))).contains(kabul(MONDAY, "13:00"));
        assertThat(hours.nextOpening(kabul(MONDAY, "18:00"))).contains(kabul(MONDAY.plusDays(1), "08:00"));
        assertThat(hours.nextOpening(kabul(MONDAY, "05:00"))).contains(kabul(MONDAY, "08:00"));
    }

    @Test
    void theNextOpeningCrossesTheClosedFridayAndTheWeekBoundary() {
        OpeningHours hours = new OpeningHours(KABUL, officeWeek(), Map.of());
        LocalDate thursday = MONDAY.plusDays(3);
        // Thursday afternoon: Friday is closed, so Saturday morning.
        assertThat(hours.nextOpening(kabul(thursday, "12:30"))).contains(kabul(thursday.plusDays(2), "08:00"));
        // Only Monday open: from Tuesday the next opening is the next week's Monday.
        Map<DayOfWeek, List<Interval>> mondays = Map.of(DayOfWeek.MONDAY, List.of(at("09:00", "10:00")));
        OpeningHours weekly = new OpeningHours(KABUL, mondays, Map.of());
        assertThat(weekly.nextOpening(kabul(MONDAY, "10:00"))).contains(kabul(MONDAY.plusDays(7), "09:00"));
    }

    @Test
    void aHolidayClosedAllDayIsSkippedAndOneWithItsOwnHoursReplacesTheWeekday() {
        LocalDate tuesday = MONDAY.plusDays(1);
        LocalDate wednesday = MONDAY.plusDays(2);
        OpeningHours hours = new OpeningHours(KABUL, officeWeek(),
                Map.of(tuesday, List.of(), wednesday, List.of(at("10:00", "11:00"))));
        assertThat(hours.isOpen(kabul(tuesday, "09:00"))).isFalse();
        assertThat(hours.nextOpening(kabul(MONDAY, "17:00"))).as("Tuesday is a holiday")
                .contains(kabul(wednesday, "10:00"));
        assertThat(hours.isOpen(kabul(wednesday, "08:30"))).isFalse();
        assertThat(hours.isOpen(kabul(wednesday, "10:30"))).isTrue();
        assertThat(hours.nextOpening(kabul(wednesday, "11:00"))).contains(kabul(wednesday.plusDays(1), "08:00"));
    }

    @Test
    void aHolidayClosesEvenWithoutAWeeklySchedule() {
        OpeningHours hours = new OpeningHours(KABUL, null, Map.of(MONDAY, List.of()));
        assertThat(hours.isOpen(kabul(MONDAY, "12:00"))).isFalse();
        assertThat(hours.nextOpening(kabul(MONDAY, "12:00"))).contains(kabul(MONDAY.plusDays(1), "00:00"));
    }

    @Test
    void aNightShiftIsTwoIntervalsThatJoinAtMidnight() {
        Map<DayOfWeek, List<Interval>> nights = Map.of(DayOfWeek.MONDAY, List.of(at("22:00", "24:00")),
                DayOfWeek.TUESDAY, List.of(at("00:00", "06:00")));
        OpeningHours hours = new OpeningHours(KABUL, nights, Map.of());
        assertThat(hours.isOpen(kabul(MONDAY, "23:59"))).isTrue();
        assertThat(hours.isOpen(kabul(MONDAY.plusDays(1), "00:00"))).isTrue();
        assertThat(hours.isOpen(kabul(MONDAY.plusDays(1), "06:00"))).isFalse();
        assertThatThrownBy(() -> new Interval(minutes("22:00"), minutes("06:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingOpenForAYearMeansNoNextOpening() {
        OpeningHours hours = new OpeningHours(KABUL, Map.of(), Map.of());
        assertThat(hours.nextOpening(kabul(MONDAY, "12:00"))).isEmpty();
    }

    @Test
    void theAnnouncedHourIsTheNextWholeHourWhenStillOpenElseTheHourBefore() {
        Map<DayOfWeek, List<Interval>> week = Map.of(DayOfWeek.MONDAY, List.of(at("08:30", "12:00")),
                DayOfWeek.TUESDAY, List.of(at("08:30", "08:45")), DayOfWeek.WEDNESDAY, List.of(at("09:00", "10:00")));
        OpeningHours hours = new OpeningHours(KABUL, week, Map.of());
        assertThat(hours.announcedOpening(kabul(MONDAY, "08:30"))).isEqualTo(kabul(MONDAY, "09:00"));
        assertThat(hours.announcedOpening(kabul(MONDAY.plusDays(1), "08:30"))).isEqualTo(kabul(MONDAY.plusDays(1),
                "08:00"));
        assertThat(hours.announcedOpening(kabul(MONDAY.plusDays(2), "09:00"))).isEqualTo(kabul(MONDAY.plusDays(2),
                "09:00"));
    }

    @Test
    void aZoneWithDaylightSavingOpensAtTheLocalHourOnBothSidesOfTheChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2027-03-28 is the Sunday clocks go forward in Europe.
        LocalDate changeDay = LocalDate.of(2027, 3, 28);
        OpeningHours hours = new OpeningHours(berlin, Map.of(DayOfWeek.SUNDAY, List.of(at("08:00", "09:00")),
                DayOfWeek.SATURDAY, List.of(at("08:00", "09:00"))), Map.of());
        Instant saturdayEvening = LocalDateTime.of(changeDay.minusDays(1), java.time.LocalTime.of(20, 0))
                .atZone(berlin).toInstant();
        assertThat(hours.nextOpening(saturdayEvening)).contains(LocalDateTime.of(changeDay,
                java.time.LocalTime.of(8, 0)).atZone(berlin).toInstant());
        assertThat(hours.nextOpening(saturdayEvening).orElseThrow().toString()).isEqualTo("2027-03-28T06:00:00Z");
    }

    @Test
    void routingRefusesOnlyNewCallersOutsideTheHours() {
        OpeningHours hours = new OpeningHours(KABUL, officeWeek(), Map.of());
        Instant evening = kabul(MONDAY, "18:00");
        CallIntake fresh = new CallIntake("c1", "u1", Language.DARI, Purpose.DANGER, Purpose.DANGER.priority(),
                "p", "AF", Map.of(CallStep.ENTERED, evening));
        assertThat(AfterHours.refusal(hours, fresh, false, evening))
                .contains(IntakeReply.closed(kabul(MONDAY.plusDays(1), "08:00")));
        assertThat(AfterHours.refusal(hours, fresh, true, evening)).as("already waiting").isEmpty();
        CallIntake queuedBefore = new CallIntake("c1", "u1", Language.DARI, Purpose.DANGER,
                Purpose.DANGER.priority(), "p", "AF", Map.of(CallStep.QUEUED, kabul(MONDAY, "16:00")));
        assertThat(AfterHours.refusal(hours, queuedBefore, false, evening)).as("a reminder to a new owner").isEmpty();
        assertThat(AfterHours.refusal(hours, fresh, false, kabul(MONDAY, "09:00"))).isEmpty();
        assertThat(AfterHours.refusal(null, fresh, false, evening)).as("never read: open").isEmpty();
    }
}
