-- Nightly reports and retention (hotline-reports). Every constraint is named, so H2 and PostgreSQL agree.
-- Nothing here holds caller data, summary text or a pseudonym: only counts and sums per day.

-- Which reports exist. One row per period (a day, or a range asked for by hand); the primary key is what keeps a
-- day from being generated twice, even by two processes sharing a PostgreSQL database. A row stays 'generating'
-- only while a run works on it; a run that died leaves it stale and a later run takes it over.
CREATE TABLE report_runs (
    period_from  DATE                     NOT NULL,
    period_to    DATE                     NOT NULL,
    -- generating or done
    status       VARCHAR(16)              NOT NULL,
    -- nightly, catch-up or command
    requested_by VARCHAR(16)              NOT NULL,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    -- Calls offered in the period, for the list page (shown as "<5" there when under 5).
    calls        INTEGER,
    CONSTRAINT pk_report_runs PRIMARY KEY (period_from, period_to),
    CONSTRAINT ck_report_runs_status CHECK (status IN ('generating', 'done')),
    CONSTRAINT ck_report_runs_period CHECK (period_to >= period_from)
);

-- Local days (in the hotline's time zone) whose calls have been folded into the daily aggregates below, and
-- whether the call rows themselves have since been purged. Once purged, reports read the aggregates only.
CREATE TABLE aggregated_days (
    report_day      DATE                     NOT NULL,
    folded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    calls_purged_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_aggregated_days PRIMARY KEY (report_day)
);

-- The call figures of one local day, per hour of the day and language: enough to rebuild every call figure of a
-- report after the call rows are gone. hour_index counts real hours from local midnight (0-23; 22 or 24 exist
-- on days when clocks change). Waits are in milliseconds: queued to hand-off for answered calls, queued to
-- hang-up for abandons. 'none' stands for calls that ended before a language was chosen.
CREATE TABLE daily_call_aggregates (
    report_day          DATE        NOT NULL,
    hour_index          SMALLINT    NOT NULL,
    language_code       VARCHAR(8)  NOT NULL,
    offered             INTEGER     NOT NULL,
    answered            INTEGER     NOT NULL,
    abandoned_in_menu   INTEGER     NOT NULL,
    abandoned_in_queue  INTEGER     NOT NULL,
    -- Abandoned in queue after waiting under 5 s (part of abandoned_in_queue).
    abandoned_short     INTEGER     NOT NULL,
    voicemail           INTEGER     NOT NULL,
    closed              INTEGER     NOT NULL,
    fallback            INTEGER     NOT NULL,
    failed              INTEGER     NOT NULL,
    -- No outcome yet when folded (a call still going on at fold time).
    in_progress         INTEGER     NOT NULL,
    -- Answered calls whose wait is known (they have a queued step), and their waits.
    answered_waited     INTEGER     NOT NULL,
    answered_within_20s INTEGER     NOT NULL,
    answered_within_60s INTEGER     NOT NULL,
    answer_wait_ms      BIGINT      NOT NULL,
    longest_wait_ms     BIGINT,
    -- Answered calls with a talk time, and the sum of it (the handle time).
    talked              INTEGER     NOT NULL,
    talk_seconds        BIGINT      NOT NULL,
    CONSTRAINT pk_daily_call_aggregates PRIMARY KEY (report_day, hour_index, language_code),
    CONSTRAINT ck_daily_call_aggregates_hour CHECK (hour_index >= 0 AND hour_index < 25)
);

-- Per operator and local day: calls handled, their talk time, and the time spent available.
CREATE TABLE daily_operator_aggregates (
    report_day        DATE        NOT NULL,
    operator_id       VARCHAR(36) NOT NULL,
    calls_handled     INTEGER     NOT NULL,
    talked            INTEGER     NOT NULL,
    talk_seconds      BIGINT      NOT NULL,
    available_seconds BIGINT      NOT NULL,
    CONSTRAINT pk_daily_operator_aggregates PRIMARY KEY (report_day, operator_id),
    CONSTRAINT fk_daily_operator_aggregates_operator FOREIGN KEY (operator_id) REFERENCES operators (id)
);

-- The retention purge is done by the hotline itself, not by a person: its audit rows have no actor (actor_role
-- 'system'), and say how many records they removed.
ALTER TABLE audit_events ALTER COLUMN actor_id DROP NOT NULL;
ALTER TABLE audit_events ADD COLUMN record_count BIGINT;

-- Reports group referrals by the day they were made.
CREATE INDEX ix_referrals_created_at ON referrals (created_at);
