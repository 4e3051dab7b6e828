-- Capability versions: the State Surface records the version each execution runs (executions recorded earlier ran
-- version 1), and why an execution waits when no node that saw its attempt has that version.
alter table execution_state
    add column capability_version text,
    add column waiting_reason     text,
    add column waiting_since      timestamptz;

update execution_state set capability_version = '1' where capability is not null;

-- GET /capabilities counts each tenant's executions in flight per capability and version.
create index execution_state_in_flight_versions on execution_state (tenant_id, capability, capability_version)
    where status in ('accepted', 'running', 'compensating');

-- Every node's scan looks for attempts waiting for a capability version it has.
create index execution_step_waiting_for_version on execution_step_state (execution_id)
    where status = 'waiting_for_version' or compensation_status = 'waiting_for_version';
