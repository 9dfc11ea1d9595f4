-- When each operator state ended: the time of that operator's next state change, null while it lasts. The nightly
-- report sums the time each operator spent available; with the end on the row that is one indexed pass over the
-- day's 'available' rows, where finding every row's successor (a window over all of a day's state changes) was
-- most of a busy day's report. OperatorStateHistory keeps it when a state is recorded.
ALTER TABLE operator_states ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;

-- States recorded before this column: each ends when the next one of the same operator begins (the later id
-- first among changes recorded in the same instant). Ordered and limited, so each row reads one step along the
-- (operator, time) index instead of the rest of its operator's history.
UPDATE operator_states SET ended_at = (
    SELECT n.changed_at FROM operator_states n
    WHERE n.operator_id = operator_states.operator_id
      AND n.changed_at >= operator_states.changed_at
      AND (n.changed_at > operator_states.changed_at OR n.id > operator_states.id)
    ORDER BY n.changed_at
    LIMIT 1);

-- The report reads state, start, end and operator of a day's 'available' rows from this index alone. (V11's index
-- on the time of every change stays: the retention purge finds old changes by it.)
CREATE INDEX ix_operator_states_spans ON operator_states (state, changed_at, ended_at, operator_id);
