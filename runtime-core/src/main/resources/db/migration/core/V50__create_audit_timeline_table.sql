-- The audit timeline: one row per recorded event, with who, what and the outcome spelled out for auditors. Built by
-- the audit-timeline projection on one segment, so positions follow commit order and keyset pages never miss a row.
create table audit_timeline_entry (
    position         bigserial    primary key,
    event_identifier varchar(255) not null unique,
    tenant_id        varchar(255) not null,
    session_id       uuid,
    execution_id     uuid,
    user_id          varchar(255),
    intent_type      varchar(255),
    capability       varchar(255),
    event_type       varchar(255) not null,
    outcome          varchar(32),
    summary          text         not null,
    step_name        varchar(255),
    attempt          integer,
    duration_millis  bigint,
    occurred_at      timestamptz  not null,
    payload          jsonb        not null
);

create index audit_timeline_tenant_position on audit_timeline_entry (tenant_id, position);
create index audit_timeline_tenant_execution on audit_timeline_entry (tenant_id, execution_id, position);
create index audit_timeline_tenant_session on audit_timeline_entry (tenant_id, session_id, position);
create index audit_timeline_tenant_occurred on audit_timeline_entry (tenant_id, occurred_at);

-- The intent type and capability of each execution, taken from its first event so later rows can carry them.
create table audit_timeline_intent (
    execution_id uuid         primary key,
    intent_type  varchar(255),
    capability   varchar(255)
);
