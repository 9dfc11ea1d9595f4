-- Thresholds of the managers' wallboard alerts (issue 16). One row (id 1), written by a manager from the
-- wallboard; every change also leaves an audit row ('wallboard-alerts-set'). No row, or a null threshold, raises
-- no alert. Routing reads it every few seconds and adds the alerts to the wallboard it publishes.
CREATE TABLE wallboard_thresholds (
    id                  INTEGER                  NOT NULL,
    -- Alert when today's service level (callers answered of those who reached the queue, in percent) is below.
    service_level_below INTEGER,
    -- Alert when the longest current wait is longer than this many seconds.
    longest_wait_over   INTEGER,
    -- Alert when at least this many emergencies (danger option) are waiting.
    emergencies_waiting INTEGER,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          VARCHAR(36)              NOT NULL,
    CONSTRAINT pk_wallboard_thresholds PRIMARY KEY (id),
    CONSTRAINT ck_wallboard_thresholds_single CHECK (id = 1),
    CONSTRAINT ck_wallboard_thresholds_service_level CHECK (service_level_below BETWEEN 1 AND 100),
    CONSTRAINT ck_wallboard_thresholds_wait CHECK (longest_wait_over BETWEEN 1 AND 86400),
    CONSTRAINT ck_wallboard_thresholds_emergencies CHECK (emergencies_waiting BETWEEN 1 AND 1000),
    CONSTRAINT fk_wallboard_thresholds_by FOREIGN KEY (updated_by) REFERENCES operators (id)
);
