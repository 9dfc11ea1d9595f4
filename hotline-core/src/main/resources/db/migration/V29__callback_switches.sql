-- The managers' switch of the opt-in callback per caller language (issue 16). No row: the configuration decides
-- (callback.languages); a row turns the language on or off until changed again. The master switch
-- callback.enabled stays in the configuration. Every change also leaves an audit row ('callback-switched').
-- No caller data here: the kept numbers are files in <data.dir>/callbacks, never rows.
CREATE TABLE callback_switches (
    language   VARCHAR(8)               NOT NULL,
    enabled    BOOLEAN                  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(36)              NOT NULL,
    CONSTRAINT pk_callback_switches PRIMARY KEY (language),
    CONSTRAINT fk_callback_switches_by FOREIGN KEY (updated_by) REFERENCES operators (id)
);
