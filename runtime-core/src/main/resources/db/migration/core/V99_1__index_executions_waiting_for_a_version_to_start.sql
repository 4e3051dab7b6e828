-- An approved (or resumed) execution whose capability version the node about to start it lacks waits, not started,
-- with its reason on the State Surface: every node's scan looks for those whose version it has.
create index execution_state_start_waiting_for_version on execution_state (waiting_since)
    where status = 'accepted' and waiting_reason is not null;
