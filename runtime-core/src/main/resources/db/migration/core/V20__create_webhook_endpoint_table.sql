-- Webhook endpoints the tenants registered, projected from WebhookRegisteredEvent and WebhookRemovedEvent. The
-- signing secret is read only by the delivery sender; no query of the API returns it.
create table webhook_endpoint (
    webhook_id  uuid          primary key,
    tenant_id   varchar(255)  not null,
    url         varchar(2048) not null,
    events      jsonb         not null,
    description varchar(1024),
    secret      varchar(255)  not null,
    created_at  timestamptz   not null,
    removed_at  timestamptz
);

create index webhook_endpoint_tenant on webhook_endpoint (tenant_id, created_at);
