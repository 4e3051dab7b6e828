-- State Surface: live state of every execution and of each of its steps, built by the execution-state projection.
create table execution_state (
    execution_id      uuid         primary key,
    tenant_id         varchar(255) not null,
    session_id        uuid,
    user_id           varchar(255),
    intent_id         uuid         not null,
    intent_type       varchar(255) not null,
    realm             varchar(255),
    capability        varchar(255),
    status            varchar(32)  not null,
    rejection_code    varchar(64),
    error_code        varchar(64),
    error_message     text,
    failed_step       varchar(255),
    violations        jsonb,
    idempotency_key   varchar(255),
    result_references jsonb,
    accepted_at       timestamptz  not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    updated_at        timestamptz  not null
);

create index execution_state_tenant_session on execution_state (tenant_id, session_id);
create index execution_state_tenant_status on execution_state (tenant_id, status);

create table execution_step_state (
    execution_id          uuid         not null references execution_state (execution_id) on delete cascade,
    step_index            integer      not null,
    name                  varchar(255) not null,
    side_effect           varchar(32)  not null,
    compensable           boolean      not null,
    status                varchar(32)  not null,
    attempts              integer      not null default 0,
    last_error_code       varchar(64),
    last_error_message    text,
    next_retry_at         timestamptz,
    started_at            timestamptz,
    finished_at           timestamptz,
    duration_ms           bigint,
    references_produced   jsonb,
    facts                 jsonb,
    compensation_status   varchar(32),
    compensation_attempts integer      not null default 0,
    compensation_error    text,
    compensated_at        timestamptz,
    primary key (execution_id, step_index)
);
