-- Opening hours and the holiday calendar (issue 16), set by managers from the manager screen; every change also
-- leaves an audit row ('opening-hours-set', 'holiday-set', 'holiday-removed'). Times are minutes after local
-- midnight in the hotline's time zone (setting time-zone); an interval never crosses midnight (closes_minute may be
-- 1440, 24:00). Routing reads these tables; no row in opening_week means open around the clock outside holidays.

-- Whether a weekly schedule is in force (one row, id 1), and who set it last.
CREATE TABLE opening_week (
    id         INTEGER                  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(36)              NOT NULL,
    CONSTRAINT pk_opening_week PRIMARY KEY (id),
    CONSTRAINT ck_opening_week_single CHECK (id = 1),
    CONSTRAINT fk_opening_week_by FOREIGN KEY (updated_by) REFERENCES operators (id)
);

-- The weekly schedule's intervals; weekday is ISO (1 Monday .. 7 Sunday). A weekday without a row is closed.
CREATE TABLE opening_week_intervals (
    weekday       INTEGER NOT NULL,
    opens_minute  INTEGER NOT NULL,
    closes_minute INTEGER NOT NULL,
    CONSTRAINT pk_opening_week_intervals PRIMARY KEY (weekday, opens_minute),
    CONSTRAINT ck_opening_week_intervals_day CHECK (weekday BETWEEN 1 AND 7),
    CONSTRAINT ck_opening_week_intervals_times CHECK (opens_minute >= 0 AND closes_minute > opens_minute
        AND closes_minute <= 1440)
);

-- A holiday replaces its weekday: closed all day (no intervals) or open only in its own intervals.
CREATE TABLE holidays (
    holiday    DATE                     NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(36)              NOT NULL,
    CONSTRAINT pk_holidays PRIMARY KEY (holiday),
    CONSTRAINT fk_holidays_by FOREIGN KEY (updated_by) REFERENCES operators (id)
);

CREATE TABLE holiday_intervals (
    holiday       DATE    NOT NULL,
    opens_minute  INTEGER NOT NULL,
    closes_minute INTEGER NOT NULL,
    CONSTRAINT pk_holiday_intervals PRIMARY KEY (holiday, opens_minute),
    CONSTRAINT fk_holiday_intervals_holiday FOREIGN KEY (holiday) REFERENCES holidays (holiday) ON DELETE CASCADE,
    CONSTRAINT ck_holiday_intervals_times CHECK (opens_minute >= 0 AND closes_minute > opens_minute
        AND closes_minute <= 1440)
);
