package org.hotline.dispatch.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.hotline.dispatch.api.ApiError;
import org.junit.jupiter.api.Test;

class HoursFormTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    private static List<String> fields(ApiError error) {
        return error.problems().stream().map(ApiError::field).toList();
    }

    @Test
    void aWeekIsReadDayByDay() {
        var week = HoursForm.week(new JsonObject("""
                {"week": {"mon": [{"from": "08:00", "to": "12:00"}, {"from": "13:00", "to": "24:00"}], "fri": []}}"""));
        assertThat(week.get(DayOfWeek.MONDAY)).containsExactly(new Interval(480, 720), new Interval(780, 1440));
        assertThat(week.get(DayOfWeek.FRIDAY)).isEmpty();
        assertThat(week.get(DayOfWeek.SUNDAY)).isEmpty();
    }

    @Test
    void everyWrongIntervalIsRefusedAtOnceWithItsField() {
        ApiError error = catchThrowableOfType(ApiError.class, () -> HoursForm.week(new JsonObject("""
                {"week": {"mon": [{"from": "08:00", "to": "12:00"}, {"from": "11:00", "to": "14:00"}],
                          "tue": [{"from": "22:00", "to": "06:00"}],
                          "wed": [{"from": "8", "to": "25:00"}]}}""")));
        assertThat(error.status()).isEqualTo(400);
        assertThat(fields(error)).containsExactly("week.mon[1].from", "week.tue[0].to", "week.wed[0].from",
                "week.wed[0].to");
        assertThat(error.problems().get(0).getMessage()).contains("11:00-14:00 overlaps 08:00-12:00");
        assertThat(error.problems().get(1).getMessage()).contains("not after the start").contains("24:00");
    }

    @Test
    void aWeekWithNoOpeningAtAllIsRefused() {
        ApiError error = catchThrowableOfType(ApiError.class, () -> HoursForm.week(new JsonObject("""
                {"week": {"mon": []}}""")));
        assertThat(error.field()).isEqualTo("week");
        assertThat(error.getMessage()).contains("Open around the clock");
    }

    @Test
    void aHolidayInThePastIsRefusedAndTodayIsAllowed() {
        ApiError error = catchThrowableOfType(ApiError.class, () -> HoursForm.holiday(new JsonObject("""
                {"date": "2027-02-28", "intervals": [{"from": "10:00", "to": "09:00"}]}"""), TODAY));
        assertThat(fields(error)).containsExactly("date", "intervals[0].to");
        assertThat(error.problems().get(0).getMessage()).contains("in the past");
        var holiday = HoursForm.holiday(new JsonObject("""
                {"date": "2027-03-01"}"""), TODAY);
        assertThat(holiday.date()).isEqualTo(TODAY);
        assertThat(holiday.intervals()).as("closed all day").isEmpty();
    }
}
