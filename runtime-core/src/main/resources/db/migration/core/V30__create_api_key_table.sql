-- API keys administrators issued at run time, projected from ApiKeyIssuedEvent and ApiKeyRevokedEvent. Only the
-- SHA-256 hash of a key is stored; authentication looks a presented key up by its hash.
create table api_key (
    key_id      uuid          primary key,
    key_hash    varchar(64)   not null unique,
    tenant_id   varchar(255)  not null,
    user_id     varchar(255)  not null,
    roles       jsonb         not null,
    description varchar(1024),
    issued_at   timestamptz   not null,
    revoked_at  timestamptz
);

create index api_key_tenant on api_key (tenant_id, issued_at);
