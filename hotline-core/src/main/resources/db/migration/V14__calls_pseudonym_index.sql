-- How many earlier calls share a caller's pseudonym is counted for every call handed to an operator (the count on
-- the operator's screen). Without this index that count reads every earlier call row, so each hand-off costs more
-- as the journal grows (found by the e2e benchmark's profile); with it, only the caller's own rows are read.
CREATE INDEX ix_calls_pseudonym ON calls (caller_pseudonym, entered_at);
