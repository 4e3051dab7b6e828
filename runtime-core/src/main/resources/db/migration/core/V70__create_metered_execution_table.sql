-- The runtime-metrics processor's memory of executions still running: the capability and acceptance time that
-- step and execution meters are tagged and timed with. A row lives from acceptance to the execution's end.
create table metered_execution (
    execution_id varchar(64)  primary key,
    tenant_id    varchar(255) not null,
    capability   varchar(255) not null,
    accepted_at  timestamptz  not null
);
