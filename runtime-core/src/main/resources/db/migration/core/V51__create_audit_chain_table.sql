-- The tamper-evident audit chain: per tenant, each event's link = SHA-256(previous link + "\n" + canonical event).
-- Maintained by the audit-timeline projection on its single segment, so positions follow commit order.
create table audit_chain (
    position             bigserial    primary key,
    event_identifier     varchar(255) not null unique,
    tenant_id            varchar(255) not null,
    execution_id         uuid,
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    previous_link        char(64)     not null,
    link                 char(64)     not null
);

create index audit_chain_tenant_position on audit_chain (tenant_id, position);
create index audit_chain_tenant_execution on audit_chain (tenant_id, execution_id, position);
