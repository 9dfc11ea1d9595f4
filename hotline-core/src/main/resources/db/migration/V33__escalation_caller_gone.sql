-- On-call escalation (issue 16): an escalation whose caller hung up before anyone pressed 1 ends as caller-gone, so
-- the nightly report tells it apart from one an operator took (stopped).
ALTER TABLE escalations DROP CONSTRAINT ck_escalations_state;
ALTER TABLE escalations ADD CONSTRAINT ck_escalations_state
    CHECK (state IN ('paging', 'acknowledged', 'exhausted', 'stopped', 'caller-gone'));
