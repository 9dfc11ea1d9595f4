-- Issue 14: the tip is written while the caller speaks. From the accept on, the operator's screen saves the tip
-- form as a draft, keyed by the call, as they type; a reload, a second tab or a sign-in elsewhere reads it back.
-- A draft holds only what the operator typed into the tip form (never caller data: the screen never sees it) and
-- is deleted in the transaction that saves the tip.
CREATE TABLE tip_drafts (
    operator_id VARCHAR(36)              NOT NULL,
    call_id     VARCHAR(36)              NOT NULL,
    -- The id the saved tip will have, fixed when the draft is first stored, so every tab submits the same tip.
    tip_id      VARCHAR(36)              NOT NULL,
    -- The tip form as JSON (the same fields as POST /api/tips), incomplete and unvalidated apart from its size.
    content     VARCHAR(32000)           NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_tip_drafts PRIMARY KEY (operator_id, call_id),
    CONSTRAINT fk_tip_drafts_operator FOREIGN KEY (operator_id) REFERENCES operators (id),
    CONSTRAINT fk_tip_drafts_call FOREIGN KEY (call_id) REFERENCES calls (id)
);

-- One tip per call: two tabs, or a retry with a new form, cannot record the same call twice. Tips with no call
-- (NULL) are not limited. The unique constraint's index replaces the plain one on call_id.
DROP INDEX ix_tips_call;
ALTER TABLE tips ADD CONSTRAINT uq_tips_call UNIQUE (call_id);
