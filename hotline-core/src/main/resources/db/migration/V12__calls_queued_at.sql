-- When each call joined the queue, kept on the call itself. The nightly report reads every call of a day and
-- needs its wait; finding the queued step among the call's steps cost one index lookup per call, which was most
-- of the time of a busy day's report. The call journal sets it with the queued step (the first one, if several).
ALTER TABLE calls ADD COLUMN queued_at TIMESTAMP WITH TIME ZONE;

-- Calls recorded before this column: their first queued step, as the report used to find it.
UPDATE calls SET queued_at = (
    SELECT MIN(s.occurred_at) FROM call_steps s WHERE s.call_id = calls.id AND s.step = 'queued')
WHERE EXISTS (SELECT 1 FROM call_steps s WHERE s.call_id = calls.id AND s.step = 'queued');

-- V11 added this index for that per-call lookup only; nothing reads call_steps by step any more, and every step the
-- journal writes had to maintain it. (ix_call_steps_call still serves a call's steps and the purge.)
DROP INDEX ix_call_steps_call_step;
