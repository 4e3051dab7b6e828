-- State Surface: sessions and the executions active in them, built by the session-state projection.
create table session_state (
    session_id uuid         primary key,
    tenant_id  varchar(255) not null,
    user_id    varchar(255) not null,
    status     varchar(16)  not null,
    context    jsonb        not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    closed_at  timestamptz
);

create index session_state_tenant on session_state (tenant_id);

create table session_active_execution (
    session_id   uuid        not null,
    execution_id uuid        not null,
    attached_at  timestamptz not null,
    primary key (session_id, execution_id)
);
