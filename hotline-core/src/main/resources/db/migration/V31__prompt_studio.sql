-- The prompt studio (issue 17): recordings of the IVR's prompts by native speakers, and the speakers' studio PINs.

-- One row per take. The audio is <prompts dir>/<language_code>/hotline/<file_name>.wav (8 kHz mono 16-bit PCM),
-- never overwritten: a new take is a new row and a new file. text_revision is the revision (a hash) of the prompt's
-- text the speaker read; when the manifest's text changes, the take is stale and the IVR plays the placeholder.
-- state: recorded (awaiting review), approved (played by the IVR when not stale), rejected (kept for the record, never
-- played). source: upload or phone. recorded_by and reviewed_by are operator ids (staff), never a caller.
CREATE TABLE prompt_recordings (
    id            VARCHAR(36)              NOT NULL,
    language_code VARCHAR(8)               NOT NULL,
    prompt_key    VARCHAR(32)              NOT NULL,
    text_revision VARCHAR(16)              NOT NULL,
    file_name     VARCHAR(80)              NOT NULL,
    length_ms     INTEGER                  NOT NULL,
    source        VARCHAR(8)               NOT NULL,
    state         VARCHAR(10)              NOT NULL,
    recorded_by   VARCHAR(36)              NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_by   VARCHAR(36),
    reviewed_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_prompt_recordings PRIMARY KEY (id),
    CONSTRAINT ck_prompt_recordings_state CHECK (state IN ('recorded', 'approved', 'rejected')),
    CONSTRAINT ck_prompt_recordings_source CHECK (source IN ('upload', 'phone')),
    CONSTRAINT fk_prompt_recordings_by FOREIGN KEY (recorded_by) REFERENCES operators (id)
);
CREATE INDEX ix_prompt_recordings_prompt ON prompt_recordings (language_code, prompt_key, recorded_at);

-- A person's studio PIN for recording by phone (*77), as an Argon2id hash; failed tries lock it for a while, as
-- failed sign-ins do. The PIN itself is never stored or logged.
CREATE TABLE studio_pins (
    operator_id  VARCHAR(36)              NOT NULL,
    -- The number a speaker enters on the phone before their PIN (shown on the studio page), so a PIN is checked
    -- against one hash and the lockout is per person.
    studio_number VARCHAR(8)              NOT NULL,
    pin_hash     VARCHAR(200)             NOT NULL,
    set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    failures     INTEGER                  NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_studio_pins PRIMARY KEY (operator_id),
    CONSTRAINT uq_studio_pins_number UNIQUE (studio_number),
    CONSTRAINT fk_studio_pins_operator FOREIGN KEY (operator_id) REFERENCES operators (id)
);
