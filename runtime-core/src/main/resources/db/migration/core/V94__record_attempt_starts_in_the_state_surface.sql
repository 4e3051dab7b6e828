-- The State Surface records when each step's current attempt, and its compensation's, started: the loss scan finds the
-- attempts whose outcome is overdue by these columns (started_at keeps the first attempt's start, as shown).
alter table execution_step_state
    add column attempt_started_at      timestamptz,
    add column compensation_started_at timestamptz;

create index execution_step_running_attempt on execution_step_state (attempt_started_at)
    where status = 'running';
create index execution_step_running_compensation on execution_step_state (compensation_started_at)
    where compensation_status = 'running';
