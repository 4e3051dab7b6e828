-- The State Surface shows a step that waits for a signal: the signal's name (kept once the signal completed the step)
-- and the deadline of the wait under way. A waiting step's status is 'waiting', which the loss scan never reads.
alter table execution_step_state
    add column signal          varchar(255),
    add column signal_deadline timestamptz;
