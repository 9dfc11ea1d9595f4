-- On-call escalation (issue 16): the duty list, and every escalation with its progress, so that a restart resumes
-- the paging where it was.

-- The on-call duty list, paged in position order. duty_phone is staff data (the person's own duty phone), never a
-- caller's number; only managers see it, and it is never logged.
CREATE TABLE duty_list (
    id         VARCHAR(36)  NOT NULL,
    position   INTEGER      NOT NULL,
    name       VARCHAR(80)  NOT NULL,
    duty_phone VARCHAR(32)  NOT NULL,
    CONSTRAINT pk_duty_list PRIMARY KEY (id),
    CONSTRAINT uq_duty_list_position UNIQUE (position)
);

-- One row per escalation. state: paging, acknowledged, exhausted (every round ran out) or stopped (the caller left,
-- or an operator took the call). round and position say who is paged now (position indexes the duty list in order).
-- Ids only: call_id is our call id, acknowledged_by a duty_list id.
CREATE TABLE escalations (
    id              VARCHAR(36)              NOT NULL,
    call_id         VARCHAR(36)              NOT NULL,
    kind            VARCHAR(24)              NOT NULL,
    language_code   VARCHAR(8),
    waiting_since   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    round           INTEGER                  NOT NULL,
    position        INTEGER                  NOT NULL,
    -- The uniqueid we gave the duty phone's call now ringing, so a restart can hang it up before paging again.
    paged_channel   VARCHAR(64),
    acknowledged_by VARCHAR(36),
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_escalations PRIMARY KEY (id),
    CONSTRAINT ck_escalations_state CHECK (state IN ('paging', 'acknowledged', 'exhausted', 'stopped'))
);
CREATE INDEX ix_escalations_state ON escalations (state);
CREATE INDEX ix_escalations_started ON escalations (started_at);
