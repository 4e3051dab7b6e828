-- The WAL view: every recorded event with its tenant, session and execution, built by the wal projection so that
-- reads never touch the event store's own table. Its position is assigned by one writer in the order events are
-- committed, so keyset pages on it never miss an event that commits late.
create table wal_entry (
    position             bigserial    primary key,
    event_identifier     varchar(255) not null unique,
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

create index wal_entry_tenant_session on wal_entry (tenant_id, session_id, position);
create index wal_entry_tenant_execution on wal_entry (tenant_id, execution_id, position);
