-- Indexes for the nightly report (hotline-reports), which reads one local day at a time. Both cover every column
-- the report reads, so the database answers from the index alone.
-- Operator states of a day, for the time each operator spent available.
CREATE INDEX ix_operator_states_changed_at ON operator_states (changed_at, operator_id, state);
-- When each call joined the queue, for its wait.
CREATE INDEX ix_call_steps_call_step ON call_steps (call_id, step, occurred_at);
