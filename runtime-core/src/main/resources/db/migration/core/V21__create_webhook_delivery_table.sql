-- The webhook outbox: one row per execution event per subscribed endpoint, written by the webhook-outbox processor
-- and worked off by the sender. The body is text, not jsonb, because receivers verify a signature of its exact
-- bytes.
create table webhook_delivery (
    delivery_id      uuid         primary key,
    webhook_id       uuid         not null,
    tenant_id        varchar(255) not null,
    event_identifier varchar(255) not null,
    event_type       varchar(64)  not null,
    execution_id     uuid         not null,
    body             text         not null,
    status           varchar(16)  not null,
    attempts         integer      not null default 0,
    created_at       timestamptz  not null,
    next_attempt_at  timestamptz  not null,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(1024),
    delivered_at     timestamptz,
    constraint webhook_delivery_once unique (webhook_id, event_identifier)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_tenant on webhook_delivery (tenant_id, created_at desc);
