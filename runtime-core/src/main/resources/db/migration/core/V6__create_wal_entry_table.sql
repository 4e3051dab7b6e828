-- The WAL view: every recorded event with its tenant, session and execution, in event-store order, built by the
-- wal projection so that reads never touch the event store's own table.
create table wal_entry (
    global_index         bigint       primary key,
    tenant_id            varchar(255) not null,
    session_id           uuid,
    execution_id         uuid,
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    event_type           varchar(255) not null,
    occurred_at          timestamptz  not null,
    payload              jsonb        not null,
    meta_data            jsonb        not null
);

create index wal_entry_tenant_session on wal_entry (tenant_id, session_id, global_index);
create index wal_entry_tenant_execution on wal_entry (tenant_id, execution_id, global_index);
